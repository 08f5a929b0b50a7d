import type { components } from '@gameball-open/server-types';
import { replaceCouponEngine } from '../../domain/coupons/coupon-settings.js';
import type { Scope } from '../../scope.js';

type Schemas = components['schemas'];

/**
 * PUT /configurations/coupon: replaces the coupon engine settings (a field left out takes its
 * default) and answers them as stored. The server keeps them only: it issues codes itself and
 * never calls the URL (a call out inside a points transaction would hold its locks across the network).
 */
export async function updateCouponEngineConfiguration(scope: Scope, input: Schemas['CouponEngineConfigurationUpdate']): Promise<Schemas['CouponEngineConfiguration']> {
  const now = scope.clock.now().toISOString();
  return scope.store.transaction((tx) => replaceCouponEngine(tx, scope.account.id, input, now));
}
