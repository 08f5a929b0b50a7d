import type { components } from '@gameball-open/server-types';
import { couponEngine } from '../../domain/coupons/coupon-settings.js';
import type { Scope } from '../../scope.js';

/** GET /configurations/coupon: the coupon engine settings last stored, or the defaults. */
export async function getCouponEngineConfiguration({ store, account }: Scope): Promise<components['schemas']['CouponEngineConfiguration']> {
  return couponEngine(store, account.id);
}
