import { expect } from 'vitest';
import type { GameballClient } from '@gameball-open/client';
import type { components } from '@gameball-open/server-types';
import { sql } from '../../src/store/sql.js';
import type { Store } from '../../src/open-store.js';
import { nowIso, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

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

/** An order of two lines and shipping (95 paid) that the quote tests send to quote, preview and track. */
export const QUOTED_ORDER = {
  totalPaid: 95,
  totalDiscount: 0,
  totalShipping: 5,
  lineItems: [
    { productId: 'A', price: 50, quantity: 1, discount: 2 },
    { productId: 'B', price: 30, quantity: 2, taxes: 3 },
  ],
};

/** A demo customer with 500 points who paid 100 of an order in money and 5 (50 points) with points. */
export async function orderPaidWithPoints(gb: GameballClient, store: Store): Promise<{ customerId: string; orderId: string }> {
  const api = pointsApi(gb);
  const customerId = await api.customer();
  await api.manual(customerId, 500);
  const orderId = uid('ord');
  const hold = (await api.hold(customerId, { pointsToHold: 50 })).data!;
  const redemption = { pointsHoldReference: hold.holdReference };
  const { data } = await ordersApi(gb, store).track({ customerId, orderId, totalPrice: 105, totalDiscount: 5, totalPaid: 100, redemption });
  expect(data).toMatchObject({ redeemedPoints: 50, rewardedPoints: 30 });
  return { customerId, orderId };
}
