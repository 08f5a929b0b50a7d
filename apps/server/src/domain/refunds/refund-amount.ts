import type { components } from '@gameball-open/server-types';
import { add, divideFloor, fromInteger, multiply, subtract, type Decimal } from '../shared/decimal.js';
import { moneyFromJson } from '../shared/money.js';

const ZERO = fromInteger(0);

/** The money a refund covers: refundAmount, else the lines' total, else (undefined) everything left. */
export function requestedAmount(input: components['schemas']['RefundRequest']): Decimal | undefined {
  if (input.refundAmount !== undefined && input.refundAmount !== null) return moneyFromJson(input.refundAmount, 'refundAmount');
  if (!input.lineItems?.length) return undefined;
  return input.lineItems.reduce((sum, line) => {
    const gross = multiply(moneyFromJson(line.price ?? 0), moneyFromJson(line.quantity ?? 0));
    return subtract(add(add(sum, gross), moneyFromJson(line.taxes ?? 0)), moneyFromJson(line.discount ?? 0));
  }, ZERO);
}

/** floor(total x part / whole): the points a partial refund reverses. */
function share(total: number, part: Decimal, whole: Decimal): number {
  return Number(divideFloor(multiply(fromInteger(total), part), whole));
}

/**
 * Points to reverse out of `total` for a refund of `amount`: pro rata, rounded down; the refund
 * that completes the amount (`last`) takes whatever the earlier parts left, so they add up.
 */
export function reversedShare(total: number, amount: Decimal, whole: Decimal, prior: readonly Decimal[], last: boolean): number {
  if (!last) return share(total, amount, whole);
  return total - prior.reduce((sum, part) => sum + share(total, part, whole), 0);
}
