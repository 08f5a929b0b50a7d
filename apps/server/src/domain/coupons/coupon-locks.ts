import { randomUUID } from 'node:crypto';
import { errors } from '../../errors.js';
import type { Queryable } from '../../store/sql.js';
import { freeOthers, insertLock, lockByReference, renewLock, takeCoupons, type CouponLockRow } from './coupon-store.js';

/** How long a lock lasts when the request does not say, in minutes. */
export const DEFAULT_LOCK_MINUTES = 10;

export interface Owner {
  accountId: string;
  customerPk: number;
}

/** The customer's live lock with this reference; 404/4004 when it is unknown, another customer's, burned, released or lapsed. */
export async function requireLiveLock(q: Queryable, owner: Owner, reference: string, now: string): Promise<CouponLockRow> {
  const lock = await lockByReference(q, owner.accountId, reference);
  if (!lock || Number(lock.customer_pk) !== owner.customerPk || lock.state !== 'live' || lock.expires_at <= now) {
    throw errors.couponLockNotFound(reference);
  }
  return { ...lock, id: Number(lock.id) };
}

export interface HeldLock {
  reference: string;
  expiresAt: string;
}

/**
 * Puts coupons (all valid, checked by the caller) under a lock for `minutes` from `now`: the
 * request's own live lock, whose expiry starts again, or a new one. With `exactly`, the lock's
 * coupons become these and those it held besides are freed (validateCoupons); without it the
 * coupons join the lock (validateCoupon). Runs in the customer's unit of work.
 */
export async function lockCoupons(
  q: Queryable,
  owner: Owner,
  existing: CouponLockRow | undefined,
  couponIds: readonly number[],
  minutes: number,
  now: string,
  exactly: boolean,
): Promise<HeldLock> {
  const expiresAt = new Date(Date.parse(now) + minutes * 60_000).toISOString();
  let lock = existing;
  if (lock) {
    await renewLock(q, lock.id, expiresAt);
    if (exactly) await freeOthers(q, lock.id, couponIds);
  } else {
    lock = await insertLock(q, { account_id: owner.accountId, reference: randomUUID(), customer_pk: owner.customerPk, expires_at: expiresAt, created_at: now });
  }
  await takeCoupons(q, lock.id, couponIds);
  return { reference: lock.reference, expiresAt };
}
