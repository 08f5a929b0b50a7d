import type { GameballClient } from '@gameball-open/client';
import type { components } from '@gameball-open/server-types';
import { sql } from '../../src/store/sql.js';
import type { Store } from '../../src/open-store.js';
import { nowIso, uid } from '../support/harness.js';

type OrderRequest = components['schemas']['OrderRequest'];

const CUSTOMER = sql('SELECT * FROM customers WHERE customer_id = ? AND deleted_at IS NULL');
const ORDERS = sql('SELECT * FROM orders WHERE order_id = ?');
const ENTRY_COUNT = sql('SELECT COUNT(*) AS n FROM ledger_entries');
const OPT_OUT = sql('UPDATE customers SET is_active = 0 WHERE customer_id = ?');

/** Helpers over the generated client (and, for what the API does not show, the store) for the order tests. */
export function ordersApi(gb: GameballClient, store: Store) {
  return {
    track(body: Partial<OrderRequest> & { customerId: string }) {
      return gb.POST('/orders', { body: { orderId: uid('ord'), orderDate: nowIso(), totalPaid: 0, ...body } });
    },
    transactions(orderId: string, customerId?: string) {
      return gb.GET('/orders/{orderId}/transactions', { params: { path: { orderId }, query: customerId === undefined ? {} : { customerId } } });
    },
    cancel(orderId: string, customerId?: string) {
      return gb.DELETE('/orders/{orderId}/transactions', { params: { path: { orderId }, query: customerId === undefined ? {} : { customerId } } });
    },
    /** The stored customer row (tier figures, guest flag, attributes), or undefined. */
    customerRow(customerId: string) {
      return store.get<{ id: number; amount_spent: string; orders_count: number; is_guest: number; email: string | null; attributes: string }>(CUSTOMER, [customerId]);
    },
    orderRows(orderId: string) {
      return store.all<{ kind: string; total_paid: string; eligible_amount: string; unexplained_amount: string; redeemed_points: number; rewarded_points: number; status: string; guest: number }>(ORDERS, [orderId]);
    },
    async entryCount(): Promise<number> {
      return Number((await store.get<{ n: number }>(ENTRY_COUNT))!.n);
    },
    async optOut(customerId: string): Promise<void> {
      await store.run(OPT_OUT, [customerId]);
    },
  };
}
