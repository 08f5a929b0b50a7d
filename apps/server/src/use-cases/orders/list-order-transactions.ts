import type { components } from '@gameball-open/server-types';
import { orderEntries } from '../../domain/orders/order-store.js';
import { orderTransactionView, requireOrder } from '../../domain/orders/order-transactions.js';
import type { Scope } from '../../scope.js';

/** GET /orders/{orderId}/transactions: the order's entries (its reward and redemption, their refunds and cancellations), oldest first. */
export async function listOrderTransactions({ store, account }: Scope, orderId: string, customerId?: string): Promise<components['schemas']['OrderTransactions']> {
  const order = await requireOrder(store, account.id, orderId, customerId);
  const rows = await orderEntries(store, order);
  return { transactions: rows.map(orderTransactionView), count: rows.length };
}
