import type { components } from '@gameball-open/server-types';
import { requestedAmount } from '../../domain/refunds/refund-amount.js';
import { refundOriginals } from '../../domain/refunds/refund-originals.js';
import { reverseOriginals } from '../../domain/refunds/reverse-originals.js';
import { toNumber } from '../../domain/shared/decimal.js';
import { checkTransactionTime } from '../../domain/shared/transaction-time.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../with-customer.js';

type Schemas = components['schemas'];

/**
 * POST /transactions/refund: reverses a cashback, order or payment reward (Cancel, -) and/or a
 * redemption (Refund, +) recorded under one transactionId (an order's orderId). Partial refunds
 * reverse points pro rata, rounded down; the refund that uses up the amount reverses whatever is left.
 */
export async function refundTransaction(scope: Scope, input: Schemas['RefundRequest']): Promise<Schemas['RefundResult']> {
  const transactionTime = checkTransactionTime(input.transactionTime, scope.clock);
  const asked = requestedAmount(input);
  const idempotency = { kind: 'refund', transactionId: input.refundTransactionId } as const;
  return withCustomer(scope, { customerId: input.customerId }, idempotency, async (unit) => {
    const originals = await refundOriginals(unit.q, scope.account.id, input.reverseTransactionId, unit.customer.id);
    const byLines = (input.lineItems?.length ?? 0) > 0;
    const reversal = await reverseOriginals(unit, originals, input.reverseTransactionId, { amount: asked, byLines }, { ...idempotency, transactionTime });
    const hasRedemption = reversal.written.some((row) => row.type === 'Refund');
    return {
      gameballTransactionId: String(reversal.written[0]!.id),
      refundTransactionId: input.refundTransactionId,
      refundAmount: toNumber(reversal.amount),
      refundEquivalentPoints: hasRedemption ? reversal.refunded : reversal.cancelled,
    };
  });
}
