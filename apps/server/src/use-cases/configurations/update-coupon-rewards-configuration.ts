import type { components } from '@gameball-open/server-types';
import type { CouponSettings } from '../../domain/coupons/coupon-program.js';
import { changeCouponSettings } from '../../domain/coupons/coupon-settings.js';
import type { Scope } from '../../scope.js';

type Schemas = components['schemas'];

/**
 * PUT /configurations/rewards/coupons: changes the fields sent (null clears a limit or default)
 * and keeps the others; stored in the database, so it outlives restarts. Coupons issued before
 * keep their dates and limits.
 */
export async function updateCouponRewardsConfiguration(scope: Scope, input: Schemas['CouponRewardsConfigurationUpdate']): Promise<Schemas['SuccessMessage']> {
  const change: Partial<CouponSettings> = {};
  if (input.enabled !== undefined) change.enabled = input.enabled;
  if (input.maximumCoupons !== undefined) change.maximumCoupons = input.maximumCoupons;
  if (input.couponTypes !== undefined) change.couponTypes = input.couponTypes;
  const expiry = input.expirationSettings ?? {};
  if (expiry.defaultExpiryDays !== undefined) change.defaultExpiryDays = expiry.defaultExpiryDays;
  if (expiry.maxExpiryDays !== undefined) change.maxExpiryDays = expiry.maxExpiryDays;
  const now = scope.clock.now().toISOString();
  await scope.store.transaction((tx) => changeCouponSettings(tx, scope.account.id, change, now));
  return { success: true, message: 'The coupon settings were updated.' };
}
