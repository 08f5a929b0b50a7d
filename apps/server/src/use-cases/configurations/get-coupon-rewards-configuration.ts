import type { components } from '@gameball-open/server-types';
import { couponSettings, couponSettingsView } from '../../domain/coupons/coupon-settings.js';
import type { Scope } from '../../scope.js';

/** GET /configurations/rewards/coupons: the coupon settings, as the accounts file gives them and updates changed them. */
export async function getCouponRewardsConfiguration({ store, account }: Scope): Promise<components['schemas']['CouponRewardsConfiguration']> {
  return couponSettingsView(await couponSettings(store, account));
}
