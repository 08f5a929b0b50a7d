import type { Campaign, CampaignProgram } from '../campaigns/campaign-config.js';
import { lineMultiplier } from '../campaigns/multipliers.js';
import type { Program } from '../program/program.js';
import { add, compare, divideFloor, divideRounded, fromInteger, multiply, subtract, toNumber, type Decimal } from '../shared/decimal.js';
import type { PurchaseLine, PurchaseTotals } from './purchase-lines.js';
import { reconcileDiscounts } from './reconcile-discounts.js';
import type { CustomerRow } from '../../store/schema.js';

const ZERO = fromInteger(0);
const ONE = fromInteger(1);
const max0 = (value: Decimal) => (compare(value, ZERO) < 0 ? ZERO : value);

/** The cashback rule a purchase earns by (the customer's tier rule, else the account's). */
export type EarningRule = Program['cashback'];

/** What one line of the request earns; a line left out of the calculation earns 0. */
export interface LineEarning {
  line: PurchaseLine;
  /** The money the line earns on, after reconciliation (and tax exclusion). */
  eligible: Decimal;
  /** eligible x Y / X x multiplier, before rounding (4 decimals, truncated). */
  decimalPoints: number;
  /** Points without the campaign multiplier, rounded down. */
  basePoints: number;
  /** Points with the multiplier, rounded down. */
  points: number;
  score: number;
  multiplier: { campaign: Campaign; factor: Decimal } | null;
}

export interface PurchaseEarning {
  lines: LineEarning[];
  /** The earning base: totalPaid, or totalPaid - totalShipping - totalTax with the exclusion on. */
  eligible: Decimal;
  /** Paid beyond what the lines and shipping explain (kept with the order). */
  unexplained: Decimal;
  /** All points: the lines' plus what the base earns beyond the lines (such as shipping). */
  points: number;
  /** `points` without campaign multipliers: what a refund without lines takes back from. */
  basePoints: number;
  score: number;
  /** Base points per one unit of money (Y / X). */
  rewardWalletFactor: number;
}

function truncated(a: Decimal, b: Decimal): number {
  return toNumber({ units: divideFloor(multiply(a, fromInteger(10_000)), b), scale: 4 });
}

/**
 * What a purchase earns: the lines are reconciled with what was paid (reconcile-discounts.ts),
 * each earns eligible x Y / X, a campaign multiplier then applies, and each line is rounded down;
 * what the base holds beyond the lines earns at the order level. No lines: the whole base earns
 * at the order level. A base below the threshold X earns nothing; `rule` null earns nothing.
 */
export function earnPurchase(
  program: CampaignProgram,
  customer: CustomerRow | null,
  rule: EarningRule | null,
  lines: readonly PurchaseLine[],
  totals: PurchaseTotals,
  at: string,
): PurchaseEarning {
  const exclude = program.orders.excludeTaxAndShipping;
  const base = max0(exclude ? subtract(subtract(totals.totalPaid, totals.totalShipping), totals.totalTax) : totals.totalPaid);
  const reconciled = reconcileDiscounts(lines, totals);
  const eligibleOf = new Map<number, Decimal>();
  for (const l of reconciled.lines) eligibleOf.set(l.index, exclude ? max0(subtract(l.net, l.line.taxes)) : l.net);
  const sum = [...eligibleOf.values()].reduce(add, ZERO);
  if (compare(sum, base) > 0) {
    // The lines never earn on more than the base: scale them down to it.
    for (const [index, value] of eligibleOf) eligibleOf.set(index, divideRounded(multiply(value, base), sum, 2));
  }
  const linesTotal = [...eligibleOf.values()].reduce(add, ZERO);
  const remainder = max0(subtract(base, linesTotal));
  const earns = rule !== null && rule.enabled && divideFloor(base, rule.amountRewardThreshold) >= 1n;
  const x = rule?.amountRewardThreshold ?? ONE;
  const y = earns ? rule!.rewardWalletFactor : ZERO;
  const rank = earns ? rule!.rewardRankFactor : ZERO;
  const result: LineEarning[] = lines.map((line, index) => {
    const eligible = eligibleOf.get(index) ?? ZERO;
    const multiplier = earns && eligibleOf.has(index) ? lineMultiplier(program, customer, { sku: line.sku, collections: line.collection }, at) : null;
    const raw = multiply(eligible, y);
    const boosted = multiply(raw, multiplier?.factor ?? ONE);
    return {
      line,
      eligible,
      decimalPoints: truncated(boosted, x),
      basePoints: Number(divideFloor(raw, x)),
      points: Number(divideFloor(boosted, x)),
      score: Number(divideFloor(multiply(eligible, rank), x)),
      multiplier,
    };
  });
  const remainderPoints = Number(divideFloor(multiply(remainder, y), x));
  const points = result.reduce((s, l) => s + l.points, 0) + remainderPoints;
  const basePoints = result.reduce((s, l) => s + l.basePoints, 0) + remainderPoints;
  const score = result.reduce((s, l) => s + l.score, 0) + Number(divideFloor(multiply(remainder, rank), x));
  return {
    lines: result,
    eligible: base,
    unexplained: reconciled.unexplained,
    points,
    basePoints,
    score,
    rewardWalletFactor: toNumber(divideRounded(y, x, 6)),
  };
}
