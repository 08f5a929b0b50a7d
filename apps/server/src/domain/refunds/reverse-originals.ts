import { errors } from '../../errors.js';
import type { LedgerRow } from '../../store/schema.js';
import { sql } from '../../store/sql.js';
import { kindFacts, type OperationKind } from '../points/entry-types.js';
import { restorablePoints } from '../points/lots.js';
import type { Unit } from '../points/unit.js';
import { findOrder } from '../orders/order-store.js';
import { add, compare, fromInteger, parseDecimal, subtract, type Decimal } from '../shared/decimal.js';
import { storeMoney } from '../shared/money.js';
import { reversedShare } from './refund-amount.js';

const ZERO = fromInteger(0);
const PRIOR_REFUNDS = sql("SELECT amount FROM ledger_entries WHERE source_entry_id = ? AND kind = 'refund'");
const PRIOR_CANCELLED = sql("SELECT COALESCE(SUM(points), 0) AS points FROM ledger_entries WHERE source_entry_id = ? AND type = 'Cancel'");


/** What a refund asks for: `amount` of money or (undefined) all that is left, named by line items or not. */
export interface RefundAsked {
  amount: Decimal | undefined;
  byLines: boolean;
}

export interface Reversal {
  written: LedgerRow[];
  amount: Decimal;
  /** Points of the redemption given back (Refund). */
  refunded: number;
  /** Points of the reward taken back (Cancel). */
  cancelled: number;
}

/**
 * Reverses a reward (Cancel, -) and/or a redemption (Refund, +) recorded under one ID, for
 * `asked` money or all that is left. Partial refunds reverse points pro rata, rounded down; a
 * partial refund without line items takes back only the reward's base points, never a campaign
 * multiplier's bonus (the refund names money, and the bonus was paid on no money); the refund that uses up the amount reverses whatever is
 * left, so the parts add up to the whole. The entries carry the original's order ID, so the
 * order lists them.
 */
export async function reverseOriginals(
  unit: Unit,
  originals: readonly LedgerRow[],
  reverseTransactionId: string,
  asked: RefundAsked,
  entry: { kind: OperationKind; transactionId: string; transactionTime: string },
): Promise<Reversal> {
  if (originals.length === 0) throw errors.reversedNotFound(reverseTransactionId);
  const reward = originals.find((row) => row.type === 'PaymentReward' && kindFacts(row.kind)?.refund?.reward);
  const redemption = originals.find((row) => row.type === 'Redemption' && kindFacts(row.kind)?.refund?.redemption);
  // The reward's money is what a refund names; an order paid wholly with points has a reward of
  // 0, and then the redemption's money is what is left to refund.
  const paidNothing = reward !== undefined && compare(parseDecimal(reward.amount ?? '0'), ZERO) <= 0;
  const primary = paidNothing && redemption ? redemption : (reward ?? redemption);
  if (!primary) throw errors.notReversible(reverseTransactionId, originals[0]!.type);

  const priorAmounts = (await unit.q.all<{ amount: string | null }>(PRIOR_REFUNDS, [primary.id])).map((row) => parseDecimal(row.amount ?? '0'));
  const whole = parseDecimal(primary.amount ?? '0');
  const left = subtract(whole, priorAmounts.reduce(add, ZERO));
  if (compare(left, ZERO) <= 0) throw errors.alreadyReversed(reverseTransactionId);
  const amount = asked.amount ?? left;
  if (compare(amount, left) > 0) {
    throw errors.limitExceeded(`Only ${storeMoney(left)} of transaction '${reverseTransactionId}' is left to refund.`);
  }
  const reversed = (total: number) => reversedShare(total, amount, whole, priorAmounts, compare(amount, left) === 0);
  const base = { ...entry, amount: storeMoney(amount), status: 'Active', orderId: primary.order_id } as const;
  const written: LedgerRow[] = [];
  let refunded = 0;
  let cancelled = 0;
  if (redemption) {
    // Points whose lots expired meanwhile are not revived.
    refunded = Math.min(reversed(Number(redemption.points)), await restorablePoints(unit.q, redemption.id, unit.now));
    written.push(await unit.append({ ...base, type: 'Refund', points: refunded, sourceEntryId: redemption.id }));
  }
  if (reward) {
    const last = compare(amount, left) === 0;
    cancelled = last
      ? Number(reward.points) - Number((await unit.q.get<{ points: number | string }>(PRIOR_CANCELLED, [reward.id]))!.points)
      : reversedShare(asked.byLines ? Number(reward.points) : await basePoints(unit, reward), amount, whole, priorAmounts, false);
    const score = reversed(Number(reward.score));
    written.push(await unit.append({ ...base, type: 'Cancel', points: cancelled, score, sourceEntryId: reward.id }));
  }
  return { written, amount, refunded, cancelled };
}

/** The reward's points before campaign multipliers: an order's or payment's stored base; a cashback has no multiplier. */
async function basePoints(unit: Unit, reward: LedgerRow): Promise<number> {
  if (!kindFacts(reward.kind)?.purchase || reward.order_id === null) return Number(reward.points);
  // A purchase kind is the kind of its row in `orders`.
  const order = await findOrder(unit.q, unit.account.id, reward.kind as 'order' | 'payment', reward.order_id);
  return order?.base_points === null || order?.base_points === undefined ? Number(reward.points) : Number(order.base_points);
}
