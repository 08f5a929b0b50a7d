import type { components } from '@gameball-open/server-types';
import { closeLock, couponsOfLock, lockByReference } from '../../domain/coupons/coupon-store.js';
import { requireLiveLock } from '../../domain/coupons/coupon-locks.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../with-customer.js';

/**
 * DELETE /coupons/{lockReference}: ends a live lock without burning; its coupons are free at
 * once. Unknown, burned, released or lapsed: 404/4004 (a second release too). Runs in the lock
 * customer's unit of work, so it cannot cross a burn of the same lock.
 */
export async function releaseCoupons(scope: Scope, lockReference: string): Promise<components['schemas']['CouponReleaseResult']> {
  const found = await lockByReference(scope.store, scope.account.id, lockReference);
  if (!found) throw errors.couponLockNotFound(lockReference);
  return withCustomer(scope, { customerPk: Number(found.customer_pk) }, null, async (unit) => {
    const lock = await requireLiveLock(unit.q, { accountId: scope.account.id, customerPk: unit.customer.id }, lockReference, unit.now);
    const codes = (await couponsOfLock(unit.q, lock.id)).map((coupon) => coupon.code);
    await closeLock(unit.q, lock.id, 'released', unit.now);
    return { success: true, releasedAt: unit.now, releasedCoupons: codes };
  });
}
