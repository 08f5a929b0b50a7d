import { errors } from '../../errors.js';
import { pointsForAmount, valueOfPoints, type Program } from '../program/program.js';
import type { Decimal } from '../shared/decimal.js';
import { checkPoints } from '../shared/limits.js';
import { moneyFromJson } from '../shared/money.js';

/** Points and their money value, from either side: an amount is rounded up to whole points. */
export function pointsAndAmount(program: Program, byPoints: number | null | undefined, byAmount: number | null | undefined): { points: number; amount: Decimal } {
  if (byPoints) return { points: checkPoints(byPoints), amount: valueOfPoints(program, byPoints) };
  const amount = moneyFromJson(byAmount!);
  return { points: checkPoints(pointsForAmount(program, amount)), amount };
}

/** The account's minimum points per redemption or hold (422/3011 below it). */
export function checkMinimum(program: Program, points: number): void {
  if (points < program.minRedeemPoints) {
    throw errors.limitExceeded(`At least ${program.minRedeemPoints} points must be redeemed at once; got ${points}.`);
  }
}
