import type { components } from '@gameball-open/server-types';
import { validatedView } from '../../domain/coupons/coupon-views.js';
import type { Scope } from '../../scope.js';
import { checkAndLock } from './check-and-lock.js';

type Schemas = components['schemas'];

/**
 * POST /coupons/{code}/validate: whether the customer can use the coupon now for the cart, and
 * why not; a locking request puts a valid coupon under the checkout's lock (a new one, or the
 * live lockReference it joins, whose expiry starts again).
 */
export async function validateCoupon(scope: Scope, code: string, input: Schemas['CouponValidationRequest']): Promise<Schemas['CouponValidationResult']> {
  const { verdicts, lock } = await checkAndLock(scope, input, [code], false);
  const verdict = verdicts[0]!;
  return {
    valid: verdict.reason === undefined,
    coupon: validatedView(verdict.code, verdict.coupon, verdict.reason),
    ...(lock ? { lockReference: lock.reference, dateToExpire: lock.expiresAt } : {}),
  };
}
