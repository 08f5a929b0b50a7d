import { expect, it } from 'vitest';
import { couponShop, demo, describeOnStorages } from '../support/harness.js';

describeOnStorages('the coupon settings', (server) => {
  it('start from the accounts file, leaving out what is unset, and the public key may read them', async () => {
    const shop = await server().client({ apiKey: couponShop.apiKey }).GET('/configurations/rewards/coupons');
    expect(shop.data).toEqual({
      enabled: true,
      maximumCoupons: 3,
      couponTypes: ['free_shipping', 'percentage_discount', 'fixed_discount', 'fixed_rate_discount', 'free_product', 'custom'],
      expirationSettings: { defaultExpiryDays: 30, maxExpiryDays: 365 },
    });
    const plain = await server().client({ apiKey: demo.apiKey }).GET('/configurations/rewards/coupons');
    expect(plain.data).toMatchObject({ enabled: true, expirationSettings: {} });
    expect(plain.data).not.toHaveProperty('maximumCoupons');
  });
});
