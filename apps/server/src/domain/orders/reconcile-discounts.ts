import { add, compare, divideRounded, fromInteger, multiply, parseDecimal, subtract, type Decimal } from '../shared/decimal.js';
import type { PurchaseLine, PurchaseTotals } from './purchase-lines.js';

const ZERO = fromInteger(0);
const CENT = parseDecimal('0.01');

const max = (a: Decimal, b: Decimal) => (compare(a, b) >= 0 ? a : b);
const min = (a: Decimal, b: Decimal) => (compare(a, b) <= 0 ? a : b);

/** A line after reconciliation: what it costs net of its (possibly raised) discount. */
export interface NetLine {
  /** The line's position in the request. */
  index: number;
  line: PurchaseLine;
  /** price x quantity + taxes - discount, after any discount spread onto it; never below 0. */
  net: Decimal;
}

export interface Reconciled {
  lines: NetLine[];
  /** Paid beyond the lines and shipping (mismatch below -0.01), kept with the order; 0 otherwise. */
  unexplained: Decimal;
}

/** price x quantity + taxes: the most a line's discount can take away. */
export function lineGross(line: PurchaseLine): Decimal {
  return add(multiply(line.price, line.quantity), line.taxes);
}

/**
 * Discount reconciliation, step by step:
 * 1. lines with a negative price are left out;
 * 2. itemNet = price x quantity + taxes - discount; mismatch = sum(itemNet) + totalShipping - totalPaid;
 * 3. mismatch > 0.01 (the lines cost more than was paid): each line's discount grows by
 *    round(itemNet / sum(itemNet) x mismatch, 2), never beyond the line's net;
 * 4. mismatch < -0.01 (more was paid than the lines explain): only noted. The order is never refused.
 */
export function reconcileDiscounts(lines: readonly PurchaseLine[], totals: PurchaseTotals): Reconciled {
  const kept: NetLine[] = [];
  lines.forEach((line, index) => {
    if (compare(line.price, ZERO) < 0) return;
    kept.push({ index, line, net: max(subtract(lineGross(line), line.discount), ZERO) });
  });
  const sumNet = kept.reduce((sum, l) => add(sum, l.net), ZERO);
  const mismatch = subtract(add(sumNet, totals.totalShipping), totals.totalPaid);
  if (compare(mismatch, CENT) > 0 && compare(sumNet, ZERO) > 0) {
    for (const l of kept) {
      const share = divideRounded(multiply(l.net, mismatch), sumNet, 2);
      l.net = subtract(l.net, min(share, l.net));
    }
  }
  const unexplained = compare(mismatch, subtract(ZERO, CENT)) < 0 ? subtract(ZERO, mismatch) : ZERO;
  return { lines: kept, unexplained };
}
