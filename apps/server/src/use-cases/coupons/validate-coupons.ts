import type { components } from '@gameball-open/server-types';
import { codeKey } from '../../domain/coupons/coupon-store.js';
import { validatedView } from '../../domain/coupons/coupon-views.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { checkAndLock } from './check-and-lock.js';

type Schemas = components['schemas'];

/**
 * POST /coupons/validate: every code checked with its own verdict; a locking request locks all
 * of them under one lock, or none when any is not valid. With a lockReference the lock's
 * coupons become exactly these. A code given twice (in any letter case) is 422/3003.
 */
export async function validateCoupons(scope: Scope, input: Schemas['CouponsValidationRequest']): Promise<Schemas['CouponsValidationResult']> {
  const keys = input.coupons.map(codeKey);
  const twice = keys.find((key, i) => keys.indexOf(key) !== i);
  if (twice !== undefined) throw errors.invalidValue(`The code '${twice}' is given twice.`);
  const { verdicts, lock } = await checkAndLock(scope, input, input.coupons, true);
  return {
    valid: verdicts.every((verdict) => verdict.reason === undefined),
    coupons: verdicts.map((verdict) => validatedView(verdict.code, verdict.coupon, verdict.reason)),
    ...(lock ? { lockReference: lock.reference, dateToExpire: lock.expiresAt } : {}),
  };
}
