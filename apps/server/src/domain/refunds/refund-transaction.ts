import type { components } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import type { LedgerRow } from '../../store/schema.js';
import { sql } from '../../store/sql.js';
import { kindFacts, kindsWhere, sqlList } from '../points/entry-types.js';
import { withCustomer } from '../points/unit-of-work.js';
import { toNumber } from '../shared/decimal.js';
import { checkTransactionTime } from '../shared/transaction-time.js';
import { requestedAmount } from './refund-amount.js';
import { reverseOriginals } from './reverse-originals.js';

type Schemas = components['schemas'];

const ORIGINALS = sql(
  `SELECT * FROM ledger_entries WHERE account_id = ? AND transaction_id = ? AND customer_pk = ?
   AND kind IN ${sqlList(kindsWhere((kind) => kind.refund !== null))} ORDER BY id`,
);

/**
 * Reverses a cashback, order or payment reward (Cancel, -) and/or a redemption (Refund, +)
 * recorded under one transactionId (an order's orderId). Partial refunds reverse points pro
 * rata, rounded down; the refund that uses up the amount reverses whatever is left.
 */
export async function refundTransaction(scope: Scope, input: Schemas['RefundRequest']): Promise<Schemas['RefundResult']> {
  const transactionTime = checkTransactionTime(input.transactionTime, scope.clock);
  const asked = requestedAmount(input);
  const idempotency = { kind: 'refund', transactionId: input.refundTransactionId } as const;
  return withCustomer(scope, { customerId: input.customerId }, idempotency, async (unit) => {
    const found = await unit.q.all<LedgerRow>(ORIGINALS, [scope.account.id, input.reverseTransactionId, unit.customer.id]);
    const byLines = (input.lineItems?.length ?? 0) > 0;
    const reversal = await reverseOriginals(unit, sameOperation(found), input.reverseTransactionId, { amount: asked, byLines }, { ...idempotency, transactionTime });
    const hasRedemption = reversal.written.some((row) => row.type === 'Refund');
    return {
      gameballTransactionId: String(reversal.written[0]!.id),
      refundTransactionId: input.refundTransactionId,
      refundAmount: toNumber(reversal.amount),
      refundEquivalentPoints: hasRedemption ? reversal.refunded : reversal.cancelled,
    };
  });
}

/**
 * The entries one refund reverses. A cashback and a redemption under one transactionId are one
 * purchase; an order's or payment's entries are theirs alone, so when the ID also names an order
 * or payment, the latest of those is meant and other kinds under the same ID are left alone.
 */
function sameOperation(found: readonly LedgerRow[]): readonly LedgerRow[] {
  const purchase = found.findLast((row) => kindFacts(row.kind)?.purchase);
  return purchase ? found.filter((row) => row.kind === purchase.kind) : found;
}
