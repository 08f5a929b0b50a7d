import { decimalOf, integerOf, listOf, objectOf, oneOf, textOf } from '../program/config-readers.js';
import { parseLocalText, type LocalText } from '../program/local-text.js';
import type { Program } from '../program/program.js';
import { toNumber, type Decimal } from '../shared/decimal.js';

/** What moves a customer up the tiers: the figure compared with each tier's minProgress (tier-ladder.ts). */
export const TIERING_METHODS = ['amountSpent', 'pointsEarned', 'ordersCompleted', 'friendsReferred', 'score'] as const;
export type TieringMethod = (typeof TIERING_METHODS)[number];

export interface Tier {
  id: number;
  /** 1 for the lowest tier, ascending. */
  order: number;
  name: LocalText;
  /** Progress (in the tiering method's unit) needed to enter the tier; 0 for the lowest. */
  minProgress: number;
  icon: string | null;
  benefits: {
    /** Score granted on entering the tier. */
    rankReward: number;
    /** Points granted on entering the tier. */
    walletReward: number;
    levelDiscount: number | null;
    discountCapping: number | null;
    others: string[];
  };
  /** The tier's own cashback rule (points per money step); null = the account's rule. */
  cashback: { amountRewardThreshold: Decimal; rewardWalletFactor: Decimal; rewardRankFactor: Decimal } | null;
}

export interface TierProgram {
  method: TieringMethod;
  /** Sorted by order; empty when the account has no tiers. */
  tiers: Tier[];
}

/** A program with its tiers: what the tier rules read. */
export type TieredProgram = Program & { tiers: TierProgram };

function parseTier(raw: unknown, where: string, defaultLanguage: string): Tier {
  const t = objectOf(raw, where);
  const benefits = objectOf(t.benefits, `${where}.benefits`);
  const cashback = t.cashback === undefined || t.cashback === null ? null : objectOf(t.cashback, `${where}.cashback`);
  const optionalNumber = (value: unknown, field: string) =>
    value === undefined || value === null ? null : toNumber(decimalOf(value, `${where}.benefits.${field}`, false));
  return {
    id: integerOf(t.id, `${where}.id`, 1, 2_147_483_647),
    order: integerOf(t.order, `${where}.order`, 1, 1000),
    name: parseLocalText(t.name, `${where}.name`, defaultLanguage),
    minProgress: integerOf(t.minProgress ?? 0, `${where}.minProgress`, 0, 1e15),
    icon: t.icon === undefined || t.icon === null ? null : textOf(t.icon, `${where}.icon`),
    benefits: {
      rankReward: integerOf(benefits.rankReward ?? 0, `${where}.benefits.rankReward`, 0, 1e12),
      walletReward: integerOf(benefits.walletReward ?? 0, `${where}.benefits.walletReward`, 0, 1e12),
      levelDiscount: optionalNumber(benefits.levelDiscount, 'levelDiscount'),
      discountCapping: optionalNumber(benefits.discountCapping, 'discountCapping'),
      others: listOf(benefits.others, `${where}.benefits.others`).map((x, i) => textOf(x, `${where}.benefits.others[${i}]`)),
    },
    cashback: cashback && {
      amountRewardThreshold: decimalOf(cashback.amountRewardThreshold ?? 1, `${where}.cashback.amountRewardThreshold`, true),
      rewardWalletFactor: decimalOf(cashback.rewardWalletFactor, `${where}.cashback.rewardWalletFactor`, false),
      rewardRankFactor: decimalOf(cashback.rewardRankFactor ?? 0, `${where}.cashback.rewardRankFactor`, false),
    },
  };
}

/** Reads the account's `tiers` block: `{ method, tiers: [...] }`; the lowest tier must start at 0. */
export function parseTierProgram(raw: unknown, where: string, defaultLanguage: string): TierProgram {
  const given = objectOf(raw, where);
  const tiers = listOf(given.tiers, `${where}.tiers`)
    .map((t, i) => parseTier(t, `${where}.tiers[${i}]`, defaultLanguage))
    .sort((a, b) => a.order - b.order);
  tiers.forEach((tier, i) => {
    if (i === 0 && tier.minProgress !== 0) throw new Error(`${where}: the lowest tier must have minProgress 0.`);
    if (i > 0 && (tier.order === tiers[i - 1]!.order || tier.minProgress <= tiers[i - 1]!.minProgress)) {
      throw new Error(`${where}: tier orders must be distinct and minProgress must rise with the order.`);
    }
  });
  if (new Set(tiers.map((t) => t.id)).size !== tiers.length) throw new Error(`${where}: two tiers share an id.`);
  return { method: oneOf(given.method ?? 'pointsEarned', `${where}.method`, TIERING_METHODS), tiers };
}
