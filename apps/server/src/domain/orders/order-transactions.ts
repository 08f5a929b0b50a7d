import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import type { LedgerRow } from '../../store/schema.js';
import { requireCustomer } from '../customers/customer-store.js';
import { withCustomer } from '../points/unit-of-work.js';
import { reverseOriginals } from '../refunds/reverse-originals.js';
import { fromDecimal } from '../shared/money.js';
import { findOrder, markCancelled, orderEntries, orderOriginals, type OrderRow } from './order-store.js';

type Schemas = components['schemas'];

function view(row: LedgerRow): Schemas['OrderTransaction'] {
  return {
    transactionDate: row.transaction_time,
    gameballTransactionId: Number(row.id),
    transactionType: row.type as Schemas['OrderTransaction']['transactionType'],
    direction: row.direction,
    amount: fromDecimal(row.amount),
    transactionId: row.transaction_id,
    equivalentPoints: Number(row.points),
  };
}

/** The order (9002 when unknown); with a customerId, that customer's (7000 unknown, 9002 someone else's). */
async function requireOrder(scope: Scope, orderId: string, customerId: string | undefined): Promise<OrderRow> {
  const order = await findOrder(scope.store, scope.account.id, 'order', orderId);
  if (customerId !== undefined) {
    const customer = await requireCustomer(scope.store, scope.account.id, customerId);
    if (order && order.customer_pk !== customer.id) throw errors.transactionNotFound(orderId);
  }
  if (!order) throw errors.transactionNotFound(orderId);
  return order;
}

/** GET /orders/{orderId}/transactions: the order's entries, oldest first. */
export async function listOrderTransactions(scope: Scope, orderId: string, customerId?: string): Promise<Schemas['OrderTransactions']> {
  const order = await requireOrder(scope, orderId, customerId);
  const rows = await orderEntries(scope.store, order);
  return { transactions: rows.map(view), count: rows.length };
}

/**
 * DELETE /orders/{orderId}/transactions: a full cancel of what is left of the order. Its
 * earned points are taken back (Cancel) and the points it was paid with given back (Refund),
 * as a refund of the whole remainder; nothing left answers 9001.
 */
export async function cancelOrderTransactions(scope: Scope, orderId: string, customerId?: string): Promise<Schemas['OrderCancelResult']> {
  const order = await requireOrder(scope, orderId, customerId);
  return withCustomer(scope, { customerPk: order.customer_pk }, null, async (unit) => {
    const originals = await orderOriginals(unit.q, order);
    if (originals.length === 0) throw errors.alreadyReversed(orderId);
    const reversal = await reverseOriginals(unit, originals, orderId, { amount: undefined, byLines: false }, { kind: 'refund', transactionId: orderId, transactionTime: unit.now });
    await markCancelled(unit.q, order.id, unit.now);
    return {
      orderId,
      customerId: order.customer_id,
      cancelledPoints: reversal.cancelled,
      refundedPoints: reversal.refunded,
      transactions: reversal.written.map(view),
    };
  });
}
