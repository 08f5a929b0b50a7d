import { errors, type GameballError } from '../../errors.js';
import type { Queryable } from '../../store/sql.js';
import { couponByCode, couponsOfLock, closeLock, useCoupon, type HeldCoupon } from './coupon-store.js';
import { requireLiveLock, type Owner } from './coupon-locks.js';
import { liveLockOf, unavailable } from './usability.js';

/** The coupons a burn names: those of a live lock of the customer, and codes the customer holds. */
export interface CouponsToBurn {
  lockReference: string | undefined;
  codes: readonly string[];
}

export function namesCoupons(what: CouponsToBurn): boolean {
  return what.lockReference !== undefined || what.codes.length > 0;
}

/**
 * Burns coupons in the customer's unit of work (burnCoupons, or an order or payment naming
 * them): each is used once (usedCount and customerUsedCount + 1), and the lock named, if any,
 * becomes burned. All or nothing, checked in this order over every coupon: the lock and each
 * code exist for this customer (404/4004); each coupon is active, started and unexpired
 * (422/3009); under its limits (422/3011); under no live lock but the one named (423/3014). A
 * code also in the lock is burned once. Answers the codes burned.
 */
export async function burnNamedCoupons(q: Queryable, owner: Owner, what: CouponsToBurn, now: string): Promise<string[]> {
  const coupons = new Map<number, HeldCoupon>();
  const lock = what.lockReference === undefined ? undefined : await requireLiveLock(q, owner, what.lockReference, now);
  if (lock) for (const coupon of await couponsOfLock(q, lock.id)) coupons.set(Number(coupon.id), coupon);
  for (const code of what.codes) {
    const coupon = await couponByCode(q, owner.accountId, code);
    if (!coupon || Number(coupon.customer_pk) !== owner.customerPk) throw errors.couponNotFound(code);
    coupons.set(Number(coupon.id), coupon);
  }
  const list = [...coupons.values()];
  const refusals: Array<(coupon: HeldCoupon) => GameballError | undefined> = [
    (c) => {
      const why = unavailable(c, now);
      return why === 'inactive' || why === 'notStarted' || why === 'expired' ? errors.notActiveNow(`Coupon '${c.code}' cannot be used now (${why}).`) : undefined;
    },
    (c) => (unavailable(c, now) ? errors.limitExceeded(`Coupon '${c.code}' was used as often as it may be.`) : undefined),
    (c) => {
      const holder = liveLockOf(c, now);
      return holder !== null && holder !== lock?.id ? errors.couponLocked(c.code) : undefined;
    },
  ];
  for (const refusal of refusals) {
    for (const coupon of list) {
      const error = refusal(coupon);
      if (error) throw error;
    }
  }
  for (const coupon of list) await useCoupon(q, Number(coupon.id), now);
  if (lock) await closeLock(q, lock.id, 'burned', now);
  return list.map((coupon) => coupon.code);
}
