import type { CouponLockRow, CouponRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';

export type { CouponLockRow, CouponRow };

/** A coupon with the lock that last took it (null columns when none did). */
export interface HeldCoupon extends CouponRow {
  lock_reference: string | null;
  lock_state: string | null;
  lock_expires_at: string | null;
}

/** A coupon as issued, before it has an id. */
export type NewCoupon = Omit<CouponRow, 'id' | 'lock_id' | 'last_used_at'>;

const WITH_LOCK = `SELECT c.*, l.reference AS lock_reference, l.state AS lock_state, l.expires_at AS lock_expires_at
  FROM coupons c LEFT JOIN coupon_locks l ON l.id = c.lock_id`;
const OF_CUSTOMER = sql(`${WITH_LOCK} WHERE c.customer_pk = ? ORDER BY c.id DESC`);
const BY_CODE = sql(`${WITH_LOCK} WHERE c.account_id = ? AND c.code_key = ?`);
const OF_LOCK = sql(`${WITH_LOCK} WHERE c.lock_id = ? ORDER BY c.id`);
const INSERT = sql(
  `INSERT INTO coupons (account_id, customer_pk, code, code_key, name, type, value, target, is_manual, currency, start_date,
     expiry_date, is_active, usage_limit, limit_per_customer, used_count, customer_used_count, capping, min_order_value, terms,
     rule_id, entry_id, created_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (account_id, code_key) DO NOTHING RETURNING id`,
);
const COUNT_USABLE = sql(
  `SELECT COUNT(*) AS n FROM coupons WHERE customer_pk = ? AND is_active = 1 AND start_date <= ?
     AND (expiry_date IS NULL OR expiry_date > ?) AND (usage_limit IS NULL OR used_count < usage_limit)
     AND (limit_per_customer IS NULL OR customer_used_count < limit_per_customer)`,
);
const USE = sql('UPDATE coupons SET used_count = used_count + 1, customer_used_count = customer_used_count + 1, last_used_at = ?, lock_id = ? WHERE id = ?');
const TAKE = sql('UPDATE coupons SET lock_id = ? WHERE id = ?');

const LOCK_BY_REFERENCE = sql('SELECT * FROM coupon_locks WHERE account_id = ? AND reference = ?');
const INSERT_LOCK = sql(
  "INSERT INTO coupon_locks (account_id, reference, customer_pk, state, expires_at, created_at) VALUES (?, ?, ?, 'live', ?, ?) RETURNING *",
);
const RENEW_LOCK = sql('UPDATE coupon_locks SET expires_at = ? WHERE id = ?');
const CLOSE_LOCK = sql("UPDATE coupon_locks SET state = ?, closed_at = ? WHERE id = ? AND state = 'live'");
const FREE_LOCK = sql('UPDATE coupons SET lock_id = NULL WHERE lock_id = ?');

/** Every coupon of the customer, newest first. */
export function couponsOf(q: Queryable, customerPk: number): Promise<HeldCoupon[]> {
  return q.all<HeldCoupon>(OF_CUSTOMER, [customerPk]);
}

/** The account's coupon with this code, whatever its letter case, or undefined. */
export function couponByCode(q: Queryable, accountId: string, code: string): Promise<HeldCoupon | undefined> {
  return q.get<HeldCoupon>(BY_CODE, [accountId, codeKey(code)]);
}

/** The coupons a lock last took, oldest first. */
export function couponsOfLock(q: Queryable, lockId: number): Promise<HeldCoupon[]> {
  return q.all<HeldCoupon>(OF_LOCK, [lockId]);
}

/** Inserts a coupon; undefined when its code is taken already (the caller draws another). */
export async function insertCoupon(q: Queryable, c: NewCoupon): Promise<number | undefined> {
  const row = await q.get<{ id: number }>(INSERT, [
    c.account_id, c.customer_pk, c.code, c.code_key, c.name, c.type, c.value, c.target, c.is_manual, c.currency, c.start_date,
    c.expiry_date, c.is_active, c.usage_limit, c.limit_per_customer, c.used_count, c.customer_used_count, c.capping,
    c.min_order_value, c.terms, c.rule_id, c.entry_id, c.created_at,
  ]);
  return row === undefined ? undefined : Number(row.id);
}

/** How many of the customer's coupons are usable at `now`. */
export async function countUsable(q: Queryable, customerPk: number, now: string): Promise<number> {
  return Number((await q.get<{ n: number }>(COUNT_USABLE, [customerPk, now, now]))?.n ?? 0);
}

/** Uses a coupon once (both counters), freeing it from any lock. */
export async function useCoupon(q: Queryable, couponId: number, now: string): Promise<void> {
  await q.run(USE, [now, null, couponId]);
}

/** Puts coupons under a lock. */
export async function takeCoupons(q: Queryable, lockId: number, couponIds: readonly number[]): Promise<void> {
  for (const id of couponIds) await q.run(TAKE, [lockId, id]);
}

/** Frees the coupons of a lock that are not in `keep`. */
export async function freeOthers(q: Queryable, lockId: number, keep: readonly number[]): Promise<void> {
  for (const coupon of await couponsOfLock(q, lockId)) if (!keep.includes(coupon.id)) await q.run(TAKE, [null, coupon.id]);
}

export function lockByReference(q: Queryable, accountId: string, reference: string): Promise<CouponLockRow | undefined> {
  return q.get<CouponLockRow>(LOCK_BY_REFERENCE, [accountId, reference]);
}

export async function insertLock(q: Queryable, lock: Pick<CouponLockRow, 'account_id' | 'reference' | 'customer_pk' | 'expires_at' | 'created_at'>): Promise<CouponLockRow> {
  const row = await q.get<CouponLockRow>(INSERT_LOCK, [lock.account_id, lock.reference, lock.customer_pk, lock.expires_at, lock.created_at]);
  return { ...row!, id: Number(row!.id) };
}

export async function renewLock(q: Queryable, lockId: number, expiresAt: string): Promise<void> {
  await q.run(RENEW_LOCK, [expiresAt, lockId]);
}

/** Ends a live lock (burned or released) and frees its coupons; false when it was not live. */
export async function closeLock(q: Queryable, lockId: number, state: 'burned' | 'released', now: string): Promise<boolean> {
  const closed = (await q.run(CLOSE_LOCK, [state, now, lockId])) > 0;
  if (closed) await q.run(FREE_LOCK, [lockId]);
  return closed;
}

/** The key a code is stored and found under: letter case does not matter. */
export function codeKey(code: string): string {
  return code.toUpperCase();
}
