import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { LedgerRow } from '../../store/schema.js';
import type { Queryable } from '../../store/sql.js';
import { requireCustomer } from '../customers/customer-store.js';
import { fromDecimal } from '../shared/money.js';
import { findOrder, type OrderRow } from './order-store.js';

/** An entry of an order as GET /orders/{orderId}/transactions shows it. */
export function orderTransactionView(row: LedgerRow): components['schemas']['OrderTransaction'] {
  return {
    transactionDate: row.transaction_time,
    gameballTransactionId: String(row.id),
    transactionType: row.type as components['schemas']['OrderTransaction']['transactionType'],
    direction: row.direction,
    amount: fromDecimal(row.amount),
    transactionId: row.transaction_id,
    equivalentPoints: Number(row.points),
  };
}

/** The order (9002 when unknown); with a customerId, that customer's (7000 unknown, 9002 someone else's). */
export async function requireOrder(q: Queryable, accountId: string, orderId: string, customerId: string | undefined): Promise<OrderRow> {
  const order = await findOrder(q, accountId, 'order', orderId);
  if (customerId !== undefined) {
    const customer = await requireCustomer(q, accountId, customerId);
    if (order && order.customer_pk !== customer.id) throw errors.transactionNotFound(orderId);
  }
  if (!order) throw errors.transactionNotFound(orderId);
  return order;
}
