import type { Migration } from '../migrator.js';
import { bigint, serialKey } from './types.js';

/**
 * Tracked orders and payments (`kind`), one row each: who, when, the totals as sent, what
 * earned points (`eligible_amount`), what could not be explained by the lines
 * (`unexplained_amount`, paid beyond the lines and shipping), the points redeemed and rewarded,
 * and whether it was cancelled. The ledger keeps the entries; this row is the order itself.
 */
export const orders: Migration = {
  name: '0005_orders',
  async up(q) {
    const id = serialKey(q.dialect);
    const big = bigint(q.dialect);
    await q.exec(`
      CREATE TABLE orders (
        id ${id},
        account_id text NOT NULL,
        kind text NOT NULL,
        order_id text NOT NULL,
        customer_pk integer NOT NULL REFERENCES customers (id),
        customer_id text NOT NULL,
        order_date text NOT NULL,
        total_paid text NOT NULL,
        total_price text,
        total_discount text,
        total_shipping text,
        total_tax text,
        eligible_amount text NOT NULL,
        unexplained_amount text NOT NULL,
        redeemed_points ${big} NOT NULL,
        redeemed_amount text NOT NULL,
        rewarded_points ${big} NOT NULL,
        guest integer NOT NULL,
        merchant_id text,
        branch_id text,
        channel text,
        status text NOT NULL,
        created_at text NOT NULL,
        cancelled_at text
      );
      CREATE UNIQUE INDEX orders_order_id ON orders (account_id, kind, order_id);
      CREATE INDEX orders_customer ON orders (customer_pk, id);
      CREATE INDEX ledger_entries_order ON ledger_entries (account_id, order_id);
    `);
  },
};
