import type { Migration } from '../migrator.js';
import { serialKey } from './types.js';

/**
 * Coupons, their checkout locks and each account's coupon settings.
 * - `coupons`: one row per coupon, owned by one customer; `code_key` is the code upper-cased, so
 *   codes are unique per account whatever their letter case. `terms` holds the display lists
 *   (entitled products, variants, collections, merchants, platforms, combinesWith, group) as
 *   JSON. `entry_id` is the DiscountCode entry that paid for it; `lock_id` the lock that last
 *   took it (whether that lock still holds it is read from `coupon_locks`).
 * - `coupon_locks`: a checkout session's hold on coupons: `state` live, burned or released; a
 *   live lock past `expires_at` has lapsed (computed when read, nothing rewrites it).
 * - `coupon_settings`: what `updateCouponRewardsConfiguration` and
 *   `updateCouponEngineConfiguration` stored for the account, as JSON (null: not changed).
 */
export const coupons: Migration = {
  name: '0012_coupons',
  async up(q) {
    const id = serialKey(q.dialect);
    await q.exec(`
      CREATE TABLE coupon_locks (
        id ${id},
        account_id text NOT NULL,
        reference text NOT NULL,
        customer_pk integer NOT NULL REFERENCES customers (id),
        state text NOT NULL,
        expires_at text NOT NULL,
        created_at text NOT NULL,
        closed_at text
      );
      CREATE UNIQUE INDEX coupon_locks_reference ON coupon_locks (account_id, reference);
      CREATE TABLE coupons (
        id ${id},
        account_id text NOT NULL,
        customer_pk integer NOT NULL REFERENCES customers (id),
        code text NOT NULL,
        code_key text NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        value text NOT NULL,
        target text NOT NULL,
        is_manual integer NOT NULL,
        currency text,
        start_date text NOT NULL,
        expiry_date text,
        is_active integer NOT NULL,
        usage_limit integer,
        limit_per_customer integer,
        used_count integer NOT NULL,
        customer_used_count integer NOT NULL,
        capping text,
        min_order_value text,
        terms text NOT NULL,
        rule_id integer,
        entry_id integer,
        lock_id integer REFERENCES coupon_locks (id),
        created_at text NOT NULL,
        last_used_at text
      );
      CREATE UNIQUE INDEX coupons_code ON coupons (account_id, code_key);
      CREATE INDEX coupons_customer ON coupons (customer_pk, id);
      CREATE INDEX coupons_lock ON coupons (lock_id);
      CREATE TABLE coupon_settings (
        account_id text PRIMARY KEY,
        rewards text,
        engine text,
        updated_at text NOT NULL
      );
    `);
  },
};
