import type { components } from '@gameball-open/server-types';

/** Gameball's transaction types, as the spec lists them. */
export type EntryType = components['schemas']['TransactionType'];
export type EntryStatus = components['schemas']['TransactionStatus'];
export type Direction = '+' | '-';

/**
 * The operation that wrote an entry. A client's transactionId is used once per kind; `expiry`
 * and `referral` entries (transactionIds `referral-<id>-friend|referrer|bonus`) are written by the server itself.
 */
export type OperationKind = 'cashback' | 'redeem' | 'manual' | 'refund' | 'expiry'
  /** An order's or a payment's reward and redemption, by its orderId / paymentId. */
  | 'order'
  | 'payment'
  /** A tier's entry reward, written by the server when the customer enters the tier. */
  | 'tier'
  /** A referral's reward to the friend or the referrer. */
  | 'referral'
  /** A reward campaign's achievement (transactionIds `campaign-<campaign>-<customer>-<n>`). */
  | 'achievement';

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
  /** How the entry moves the lifetime earned total (totalEarnedPoints): +1, -1 or 0 times its points. */
  earned: 1 | 0 | -1;
  /** Whether the entry carries score (in its direction). */
  score: boolean;
}

const EARN: EntryRule = { direction: '+', effect: 'earn', earned: 1, score: true };
const SPEND: EntryRule = { direction: '-', effect: 'spend', earned: 0, score: false };

/** The one table of entry types and their effect; the switch is exhaustive over the spec's enum. */
export function ruleOf(type: EntryType): EntryRule {
  switch (type) {
    case 'PaymentReward':
    case 'AchievementReward':
    case 'ManualAccumulation':
    case 'ManualReward':
    case 'Migration':
      return EARN;
    case 'Redemption':
    case 'ManualDeduction':
    case 'DiscountCode':
      return SPEND;
    case 'Cancel':
      return { direction: '-', effect: 'reverse', earned: -1, score: true };
    case 'Refund':
      return { direction: '+', effect: 'restore', earned: 0, score: false };
    case 'Expiry':
      return { direction: '-', effect: 'expire', earned: 0, score: false };
    default:
      return unknownType(type);
  }
}

function unknownType(type: never): never {
  throw new Error(`no ledger rule for entry type ${String(type)}`);
}

/** `expires_at` of a lot that never expires: sorts after every real instant. */
export const NEVER = '9999-12-31T23:59:59.999Z';
