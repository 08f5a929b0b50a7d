import {
  divideCeil,
  divideFloor,
  divideRounded,
  fromInteger,
  multiply,
  toNumber,
  type Decimal,
} from '../shared/decimal.js';
import type { PointsExpiry } from '../points/expiry.js';
import { booleanOf, decimalOf, integerOf, listOf, objectOf, oneOf, textOf, type Raw } from './config-readers.js';

export type { PointsExpiry };

/**
 * An account's points economics and general settings: how points are earned, valued, spent,
 * held and expire, its names and languages. The features built on it (tiers, campaigns,
 * referrals) add their own settings (see account-program.ts).
 */
export interface Program {
  currency: string;
  pointsName: string;
  scoreName: string;
  cashback: {
    enabled: boolean;
    /** X: the money needed per reward step; an amount below it earns nothing. */
    amountRewardThreshold: Decimal;
    /** Y: points per step. */
    rewardWalletFactor: Decimal;
    /** Score per step. */
    rewardRankFactor: Decimal;
  };
  /** The money value of one point. */
  redemptionFactor: Decimal;
  minRedeemPoints: number;
  /** Days earned points stay pending (0: active at once). */
  returnWindowDays: number;
  pointsExpiry: PointsExpiry | null;
  /** How long a hold lasts when the request does not say. */
  holdMinutes: number;
  otpRequired: boolean;
  hashRequired: boolean;
  /** The account's languages; notifications and configuration texts come in these. */
  languages: string[];
  defaultLanguage: string;
  /** Which contact key joins several customerIds into one profile (see customers/channel-merging.ts). */
  channelMerging: 'off' | 'email' | 'mobile';
  orders: {
    /** Earn on totalPaid - totalShipping - totalTax instead of totalPaid. */
    excludeTaxAndShipping: boolean;
  };
}

/** The defaults, documented in README: 1 point per 1 spent, a point worth 0.1, no expiry. */
export const DEFAULT_PROGRAM = {
  currency: 'USD',
  pointsName: 'Points',
  scoreName: 'Score',
  cashback: { enabled: true, amountRewardThreshold: 1, rewardWalletFactor: 1, rewardRankFactor: 1 },
  redemptionFactor: 0.1,
  minRedeemPoints: 0,
  returnWindowDays: 0,
  pointsExpiry: null,
  holdMinutes: 10,
  otpRequired: false,
  hashRequired: false,
  languages: ['en'],
  channelMerging: 'off',
  orders: { excludeTaxAndShipping: false },
};

/** The longest expiry per unit: a hundred years, so every expiry date stays a four-digit year. */
const MAX_EXPIRY = { days: 36_500, months: 1_200, years: 100 } as const;

/** Reads the economics of an account's `program` block; what it leaves out takes the defaults. */
export function parseProgram(raw: unknown, where: string): Program {
  const given = (raw ?? {}) as Raw;
  const merged: Raw = { ...DEFAULT_PROGRAM, ...given };
  const cashback: Raw = { ...DEFAULT_PROGRAM.cashback, ...((given.cashback ?? {}) as Raw) };
  const expiry = merged.pointsExpiry as Raw | null;
  let pointsExpiry: PointsExpiry | null = null;
  if (expiry !== null && expiry !== undefined) {
    const unit = expiry.unit;
    if (unit !== 'days' && unit !== 'months' && unit !== 'years') {
      throw new Error(`${where}.pointsExpiry.unit must be days, months or years.`);
    }
    pointsExpiry = { after: integerOf(expiry.after, `${where}.pointsExpiry.after`, 1, MAX_EXPIRY[unit]), unit };
  }
  return {
    currency: textOf(merged.currency, `${where}.currency`),
    pointsName: textOf(merged.pointsName, `${where}.pointsName`),
    scoreName: textOf(merged.scoreName, `${where}.scoreName`),
    cashback: {
      enabled: booleanOf(cashback.enabled, `${where}.cashback.enabled`),
      amountRewardThreshold: decimalOf(cashback.amountRewardThreshold, `${where}.cashback.amountRewardThreshold`, true),
      rewardWalletFactor: decimalOf(cashback.rewardWalletFactor, `${where}.cashback.rewardWalletFactor`, false),
      rewardRankFactor: decimalOf(cashback.rewardRankFactor, `${where}.cashback.rewardRankFactor`, false),
    },
    redemptionFactor: decimalOf(merged.redemptionFactor, `${where}.redemptionFactor`, true),
    minRedeemPoints: integerOf(merged.minRedeemPoints, `${where}.minRedeemPoints`, 0, 1e12),
    returnWindowDays: integerOf(merged.returnWindowDays, `${where}.returnWindowDays`, 0, 7300),
    pointsExpiry,
    holdMinutes: integerOf(merged.holdMinutes, `${where}.holdMinutes`, 1, 21_600),
    otpRequired: booleanOf(merged.otpRequired, `${where}.otpRequired`),
    hashRequired: booleanOf(merged.hashRequired, `${where}.hashRequired`),
    ...languagesOf(given, merged, where),
  };
}

function languagesOf(given: Raw, merged: Raw, where: string) {
  const languages = listOf(merged.languages, `${where}.languages`).map((l, i) => textOf(l, `${where}.languages[${i}]`));
  if (languages.length === 0) throw new Error(`${where}.languages must list at least one language.`);
  const defaultLanguage = textOf(given.defaultLanguage ?? languages[0], `${where}.defaultLanguage`);
  if (!languages.includes(defaultLanguage)) throw new Error(`${where}.defaultLanguage must be one of the languages.`);
  const orders = objectOf(given.orders, `${where}.orders`);
  return {
    languages,
    defaultLanguage,
    channelMerging: oneOf(merged.channelMerging, `${where}.channelMerging`, ['off', 'email', 'mobile'] as const),
    orders: { excludeTaxAndShipping: booleanOf(orders.excludeTaxAndShipping ?? false, `${where}.orders.excludeTaxAndShipping`) },
  };
}

/** Points (and likewise score) for an amount: floor(amount x Y / X), nothing below X. */
export function cashbackFor(program: Program, amount: Decimal): { points: bigint; score: bigint } {
  const { amountRewardThreshold: x, rewardWalletFactor: y, rewardRankFactor: rank } = program.cashback;
  if (divideFloor(amount, x) < 1n) return { points: 0n, score: 0n };
  return {
    points: divideFloor(multiply(amount, y), x),
    score: divideFloor(multiply(amount, rank), x),
  };
}

/** Points needed to spend an amount of money: rounded up, so a redemption is never short. */
export function pointsForAmount(program: Program, amount: Decimal): bigint {
  return divideCeil(amount, program.redemptionFactor);
}

/** The exact money value of some points. */
export function valueOfPoints(program: Program, points: number | bigint): Decimal {
  return multiply(fromInteger(points), program.redemptionFactor);
}

/** Gameball's rewardFactor: the cashback fraction, (Y / X) x redemption factor. */
export function rewardFactor(program: Program): number {
  const { amountRewardThreshold: x, rewardWalletFactor: y } = program.cashback;
  return toNumber(divideRounded(multiply(y, program.redemptionFactor), x, 6));
}
