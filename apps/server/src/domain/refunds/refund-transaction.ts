import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import type { LedgerRow } from '../../store/schema.js';
import { sql } from '../../store/sql.js';
import { restorablePoints } from '../points/lots.js';
import { withCustomer } from '../points/unit-of-work.js';
import { add, compare, fromInteger, parseDecimal, subtract, toNumber } from '../shared/decimal.js';
import { storeMoney } from '../shared/money.js';
import { checkTransactionTime } from '../shared/transaction-time.js';
import { reversedShare, requestedAmount } from './refund-amount.js';

type Schemas = components['schemas'];

const ZERO = fromInteger(0);
const ORIGINALS = sql(
  "SELECT * FROM ledger_entries WHERE account_id = ? AND transaction_id = ? AND customer_pk = ? AND kind IN ('cashback', 'redeem', 'manual') ORDER BY id",
);
const PRIOR_REFUNDS = sql("SELECT amount FROM ledger_entries WHERE source_entry_id = ? AND kind = 'refund'");

/**
 * Reverses a cashback (Cancel, -) and/or a redemption (Refund, +) recorded under one
 * transactionId. Partial refunds reverse points pro rata, rounded down; the refund that uses
 * up the amount reverses whatever is left, so the parts always add up to the whole.
 */
export async function refundTransaction(scope: Scope, input: Schemas['RefundRequest']): Promise<Schemas['RefundResult']> {
  const transactionTime = checkTransactionTime(input.transactionTime, scope.clock);
  const asked = requestedAmount(input);
  const idempotency = { kind: 'refund', transactionId: input.refundTransactionId } as const;
  return withCustomer(scope, { customerId: input.customerId }, idempotency, async (unit) => {
    const originals = await unit.q.all<LedgerRow>(ORIGINALS, [scope.account.id, input.reverseTransactionId, unit.customer.id]);
    if (originals.length === 0) throw errors.reversedNotFound(input.reverseTransactionId);
    const reward = originals.find((row) => row.kind === 'cashback');
    const redemption = originals.find((row) => row.kind === 'redeem');
    const primary = reward ?? redemption;
    if (!primary) throw errors.notReversible(input.reverseTransactionId, originals[0]!.type);

    const priorAmounts = (await unit.q.all<{ amount: string | null }>(PRIOR_REFUNDS, [primary.id])).map((row) => parseDecimal(row.amount ?? '0'));
    const whole = parseDecimal(primary.amount ?? '0');
    const left = subtract(whole, priorAmounts.reduce(add, ZERO));
    if (compare(left, ZERO) <= 0) throw errors.alreadyReversed(input.reverseTransactionId);
    const amount = asked ?? left;
    if (compare(amount, left) > 0) {
      throw errors.limitExceeded(`Only ${storeMoney(left)} of transaction '${input.reverseTransactionId}' is left to refund.`);
    }
    const reversed = (total: number) => reversedShare(total, amount, whole, priorAmounts, compare(amount, left) === 0);
    const base = { ...idempotency, amount: storeMoney(amount), status: 'Active', transactionTime } as const;
    const written: LedgerRow[] = [];
    let refundPoints = 0;
    if (redemption) {
      // Points whose lots expired meanwhile are not revived.
      refundPoints = Math.min(reversed(Number(redemption.points)), await restorablePoints(unit.q, redemption.id, unit.now));
      written.push(await unit.append({ ...base, type: 'Refund', points: refundPoints, sourceEntryId: redemption.id }));
    }
    if (reward) {
      const cancelled = reversed(Number(reward.points));
      const score = reversed(Number(reward.score));
      written.push(await unit.append({ ...base, type: 'Cancel', points: cancelled, score, sourceEntryId: reward.id }));
      if (!redemption) refundPoints = cancelled;
    }
    return {
      gameballTransactionId: String(written[0]!.id),
      refundTransactionId: input.refundTransactionId,
      refundAmount: toNumber(amount),
      refundEquivalentPoints: refundPoints,
    };
  });
}
