import type { components } from '@gameball-open/server-types';
import { markCancelled, orderOriginals } from '../../domain/orders/order-store.js';
import { orderTransactionView, requireOrder } from '../../domain/orders/order-transactions.js';
import { reverseOriginals } from '../../domain/refunds/reverse-originals.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../with-customer.js';

/**
 * DELETE /orders/{orderId}/transactions: a full cancel of what is left of the order. Its earned
 * points are taken back (Cancel) and the points it was paid with given back (Refund), as a refund
 * of the whole remainder; nothing left answers 9001.
 */
export async function cancelOrderTransactions(scope: Scope, orderId: string, customerId?: string): Promise<components['schemas']['OrderCancelResult']> {
  const order = await requireOrder(scope.store, scope.account.id, orderId, customerId);
  return withCustomer(scope, { customerPk: order.customer_pk }, null, async (unit) => {
    const originals = await orderOriginals(unit.q, order);
    if (originals.length === 0) throw errors.alreadyReversed(orderId);
    const whole = { amount: undefined, byLines: false };
    const reversal = await reverseOriginals(unit, originals, orderId, whole, { kind: 'refund', transactionId: orderId, transactionTime: unit.now });
    await markCancelled(unit.q, order.id, unit.now);
    return {
      orderId,
      customerId: order.customer_id,
      cancelledPoints: reversal.cancelled,
      refundedPoints: reversal.refunded,
      transactions: reversal.written.map(orderTransactionView),
    };
  });
}
