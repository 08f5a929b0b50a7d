import type { components } from '@gameball-open/server-types';

/**
 * The one table of facts about entry types and operation kinds. Every other list of types or
 * kinds (the leaderboard's earnings, the activities listing, what a refund may reverse) is
 * derived from these tables, and a type or kind without its row fails to compile.
 */

/** Gameball's transaction types, as the spec lists them. */
export type EntryType = components['schemas']['TransactionType'];
export type EntryStatus = components['schemas']['TransactionStatus'];
export type Direction = '+' | '-';

/**
 * What an entry does to a wallet:
 * - earn: a new lot of points (pending or active), which first pays off any debt;
 * - spend: takes points from the lots that expire first;
 * - reverse: takes back a reward's own points first, then spends; what is missing becomes debt;
 * - restore: puts a redemption's points back into the lots they came from;
 * - expire: writes off what is left of one lot.
 */
export type Effect = 'earn' | 'spend' | 'reverse' | 'restore' | 'expire';

export interface EntryRule {
  direction: Direction;
  effect: Effect;
  /** How the entry moves the lifetime earned total (totalEarnedPoints, leaderboard progress): +1, -1 or 0 times its points. */
  earned: 1 | 0 | -1;
  /** Whether the entry carries score (in its direction). */
  score: boolean;
  /**
   * How GET /customers/{id}/activities lists it: under its own type, as CampaignRewarded when
   * it is a campaign's reward (other achievements are recorded activities), or not at all.
   */
  activity: 'own' | 'campaignReward' | 'none';
}

const EARN = { direction: '+', effect: 'earn', earned: 1, score: true } as const;
const SPEND = { direction: '-', effect: 'spend', earned: 0, score: false } as const;

/** Every entry type with its facts, in the spec's order. */
export const ENTRY_TYPES = {
  AchievementReward: { ...EARN, activity: 'campaignReward' },
  PaymentReward: { ...EARN, activity: 'own' },
  Refund: { direction: '+', effect: 'restore', earned: 0, score: false, activity: 'own' },
  Redemption: { ...SPEND, activity: 'own' },
  Expiry: { direction: '-', effect: 'expire', earned: 0, score: false, activity: 'own' },
  Cancel: { direction: '-', effect: 'reverse', earned: -1, score: true, activity: 'own' },
  Migration: { ...EARN, activity: 'own' },
  ManualAccumulation: { ...EARN, activity: 'none' },
  DiscountCode: { ...SPEND, activity: 'none' },
  ManualDeduction: { ...SPEND, activity: 'none' },
  ManualReward: { ...EARN, activity: 'none' },
} as const satisfies Record<EntryType, EntryRule>;

/** The facts of an entry type; a type the table lacks (a row written by something else) is a bug. */
export function ruleOf(type: EntryType): EntryRule {
  const rule: EntryRule | undefined = ENTRY_TYPES[type];
  if (!rule) throw new Error(`no ledger rule for entry type ${String(type)}`);
  return rule;
}

/** The entry types whose facts pass `test`, in the table's order. */
export function entryTypesWhere(test: (rule: EntryRule) => boolean): EntryType[] {
  return (Object.keys(ENTRY_TYPES) as EntryType[]).filter((type) => test(ENTRY_TYPES[type]));
}

/**
 * The operation that wrote an entry. A client's transactionId is used once per kind; `expiry`,
 * `tier`, `referral` and `achievement` entries are written by the server itself.
 */
export type OperationKind =
  | 'cashback' | 'redeem' | 'manual' | 'refund' | 'expiry' | 'order' | 'payment' | 'tier' | 'referral' | 'achievement'
  | 'coupon' | 'couponBurn';

export interface KindFacts {
  /** What a refund naming a transactionId of this kind may reverse: its reward (Cancel), its redemption (Refund); null when a refund cannot name it. */
  refund: { reward: boolean; redemption: boolean } | null;
  /** Its entries belong to a tracked order or payment (table `orders`): a refund by its ID reverses them alone. */
  purchase: boolean;
  /** PUT /transactions/{transactionId}/activate names its transactionId. */
  activatable: boolean;
  /** Points added or deducted by hand (the activities listing says so). */
  byHand: boolean;
}

const SERVER: KindFacts = { refund: null, purchase: false, activatable: false, byHand: false };
const PURCHASE: KindFacts = { refund: { reward: true, redemption: true }, purchase: true, activatable: false, byHand: false };

/** Every operation kind with its facts. */
export const OPERATION_KINDS = {
  cashback: { refund: { reward: true, redemption: false }, purchase: false, activatable: true, byHand: false },
  redeem: { refund: { reward: false, redemption: true }, purchase: false, activatable: false, byHand: false },
  /** Named by a refund only to be refused: manual entries are not reversible (9000). */
  manual: { refund: { reward: false, redemption: false }, purchase: false, activatable: false, byHand: true },
  refund: SERVER,
  expiry: SERVER,
  /** An order's or a payment's reward and redemption, by its orderId / paymentId. */
  order: PURCHASE,
  payment: PURCHASE,
  /** A tier's entry reward, written when the customer enters the tier. */
  tier: SERVER,
  /** A referral's reward to the friend or the referrer (transactionIds `referral-<id>-friend|referrer|bonus`). */
  referral: SERVER,
  /** A reward campaign's achievement (transactionIds `campaign-<campaign>-<customer>-<n>`). */
  achievement: SERVER,
  /** A coupon bought with points (DiscountCode); named by a refund only to be refused (9000): the coupon stays issued. */
  coupon: { refund: { reward: false, redemption: false }, purchase: false, activatable: false, byHand: false },
  /** burnCoupons' transactionId, claimed once; a burn moves no points and writes no entry. */
  couponBurn: SERVER,
} satisfies Record<OperationKind, KindFacts>;

/** The kinds whose facts pass `test`, in the table's order. */
export function kindsWhere(test: (facts: KindFacts) => boolean): OperationKind[] {
  return (Object.keys(OPERATION_KINDS) as OperationKind[]).filter((kind) => test(OPERATION_KINDS[kind]));
}

/** The facts of a stored kind (undefined for a kind the table does not know). */
export function kindFacts(kind: string): KindFacts | undefined {
  return (OPERATION_KINDS as Record<string, KindFacts>)[kind];
}

/** A list of types or kinds as SQL text for `IN (...)`; the values come from the tables above, never from a request. */
export function sqlList(values: readonly string[]): string {
  return `(${values.map((value) => `'${value}'`).join(', ')})`;
}

/** `expires_at` of a lot that never expires: sorts after every real instant. */
export const NEVER = '9999-12-31T23:59:59.999Z';
