import { add, divideRounded, fromInteger, parseDecimal, toNumber, toText, type Decimal } from '../shared/decimal.js';
import { toDecimal } from '../shared/money.js';

/** A stored figure (decimal text or a JSON number from an upsert) as an exact decimal; junk counts as 0. */
function figure(value: unknown): Decimal {
  try {
    if (typeof value === 'number') return parseDecimal(toDecimal(value));
    if (typeof value === 'string') return parseDecimal(value);
  } catch {
    // not a number: start again from 0
  }
  return fromInteger(0);
}

/** The customer's tier figures after a purchase: money spent (never the part paid with points) and orders. */
export function spendingAfter(amountSpent: string, ordersCount: number, paid: Decimal): { amountSpent: string; ordersCount: number } {
  return { amountSpent: toText(add(figure(amountSpent), paid)), ordersCount: Number(ordersCount) + 1 };
}

/**
 * The purchase-history attributes after a purchase: totalSpent and totalOrders grow on top of
 * what is stored (an upsert may have overwritten them), avgOrderAmount follows, lastOrderDate
 * moves forward only.
 */
export function historyAfter(attributesJson: string, paid: Decimal, date: string): string {
  const attributes = JSON.parse(attributesJson || '{}') as Record<string, unknown>;
  const totalSpent = add(figure(attributes.totalSpent), paid);
  const totalOrders = Math.max(0, Math.trunc(Number(attributes.totalOrders) || 0)) + 1;
  attributes.totalSpent = toNumber(totalSpent);
  attributes.totalOrders = totalOrders;
  attributes.avgOrderAmount = toNumber(divideRounded(totalSpent, fromInteger(totalOrders), 2));
  const last = typeof attributes.lastOrderDate === 'string' ? Date.parse(attributes.lastOrderDate) : Number.NaN;
  if (Number.isNaN(last) || last < Date.parse(date)) attributes.lastOrderDate = date;
  return JSON.stringify(attributes);
}
