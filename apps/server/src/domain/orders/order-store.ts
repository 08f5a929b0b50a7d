import type { LedgerRow } from '../../store/schema.js';
import { later, sql, type Queryable } from '../../store/sql.js';

/** A tracked order or payment as stored (table `orders`, migration 0005). */
export interface OrderRow {
  id: number;
  account_id: string;
  /** 'order' | 'payment' */
  kind: string;
  order_id: string;
  customer_pk: number;
  customer_id: string;
  order_date: string;
  total_paid: string;
  total_price: string | null;
  total_discount: string | null;
  total_shipping: string | null;
  total_tax: string | null;
  eligible_amount: string;
  unexplained_amount: string;
  redeemed_points: number;
  redeemed_amount: string;
  rewarded_points: number;
  /** The rewarded points before campaign multipliers; NULL for rows tracked before migration 0011. */
  base_points: number | null;
  guest: number;
  merchant_id: string | null;
  branch_id: string | null;
  channel: string | null;
  /** 'placed' | 'cancelled' */
  status: string;
  created_at: string;
  cancelled_at: string | null;
}

export type NewOrder = Omit<OrderRow, 'id' | 'status' | 'cancelled_at'>;

const INSERT = sql(
  `INSERT INTO orders (account_id, kind, order_id, customer_pk, customer_id, order_date, total_paid, total_price, total_discount,
     total_shipping, total_tax, eligible_amount, unexplained_amount, redeemed_points, redeemed_amount, rewarded_points, base_points,
     guest, merchant_id, branch_id, channel, status, created_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'placed', ?)`,
);
const FIND = sql('SELECT * FROM orders WHERE account_id = ? AND kind = ? AND order_id = ?');
const CANCEL = sql("UPDATE orders SET status = 'cancelled', cancelled_at = ? WHERE id = ?");
const ENTRIES = sql('SELECT * FROM ledger_entries WHERE account_id = ? AND customer_pk = ? AND order_id = ? ORDER BY id');
const ORIGINALS = sql('SELECT * FROM ledger_entries WHERE account_id = ? AND customer_pk = ? AND order_id = ? AND kind = ? ORDER BY id');
const SPENT = sql('UPDATE customers SET amount_spent = ?, orders_count = ?, attributes = ?, updated_at = ? WHERE id = ?');
const NEW_CUSTOMER = sql('UPDATE customers SET is_guest = ?, email = COALESCE(email, ?), mobile = COALESCE(mobile, ?) WHERE id = ?');

export async function insertOrder(q: Queryable, o: NewOrder): Promise<void> {
  // Not waited on: the order's transactionId was claimed already, so only a bug makes it fail.
  await later(q, INSERT, [
    o.account_id, o.kind, o.order_id, o.customer_pk, o.customer_id, o.order_date, o.total_paid, o.total_price, o.total_discount,
    o.total_shipping, o.total_tax, o.eligible_amount, o.unexplained_amount, o.redeemed_points, o.redeemed_amount, o.rewarded_points,
    o.base_points, o.guest, o.merchant_id, o.branch_id, o.channel, o.created_at,
  ]);
}

export function findOrder(q: Queryable, accountId: string, kind: 'order' | 'payment', orderId: string): Promise<OrderRow | undefined> {
  return q.get<OrderRow>(FIND, [accountId, kind, orderId]);
}

export async function markCancelled(q: Queryable, id: number, at: string): Promise<void> {
  await later(q, CANCEL, [at, id]);
}

/** Every entry of the order: its reward and redemption, and their refunds and cancellations. */
export function orderEntries(q: Queryable, order: OrderRow): Promise<LedgerRow[]> {
  return q.all<LedgerRow>(ENTRIES, [order.account_id, order.customer_pk, order.order_id]);
}

/** The entries the order itself wrote (its reward and redemption). */
export function orderOriginals(q: Queryable, order: OrderRow): Promise<LedgerRow[]> {
  return q.all<LedgerRow>(ORIGINALS, [order.account_id, order.customer_pk, order.order_id, order.kind]);
}

export async function saveSpending(
  q: Queryable,
  customerPk: number,
  figures: { amountSpent: string; ordersCount: number; attributes: string },
  now: string,
): Promise<void> {
  await later(q, SPENT, [figures.amountSpent, figures.ordersCount, figures.attributes, now, customerPk]);
}

/** A customer the purchase created: a guest or not as the purchase says, with its contact keys. */
export async function describeNewCustomer(q: Queryable, customerPk: number, guest: boolean, email: string | null, mobile: string | null): Promise<void> {
  await later(q, NEW_CUSTOMER, [guest ? 1 : 0, email, mobile, customerPk]);
}
