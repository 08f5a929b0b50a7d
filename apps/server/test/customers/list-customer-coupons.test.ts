import { expect, it } from 'vitest';
import { couponShop, describeOnStorages, uid } from '../support/harness.js';
import { couponsApi } from '../coupons/coupons-api.js';

describeOnStorages('customers', (server) => {
  it('lists no coupons for a new customer and gives a six-digit hash', async () => {
    const gb = server().client();
    const customerId = uid('cust');
    await gb.POST('/customers', { body: { customerId } });
    const coupons = await gb.GET('/customers/{customerId}/coupons', { params: { path: { customerId } } });
    expect(coupons.data).toEqual({ coupons: [] });
    const hash = await gb.GET('/customers/{customerId}/hash', { params: { path: { customerId } } });
    expect(hash.data?.hash).toMatch(/^\d{6}$/);
  });

  it('lists every coupon of the customer, newest first, used up ones too, with the seed\'s flags', async () => {
    const gb = server().as(couponShop);
    const api = couponsApi(gb);
    const customerId = await api.customerWith(300);
    const ship = await api.coupon(customerId, 2);
    const perk = await api.coupon(customerId, 5);
    await api.burnCodes(customerId, [ship]);
    await api.validate(perk, { customerId, lock: true });
    const { data } = await gb.GET('/customers/{customerId}/coupons', { params: { path: { customerId } } });
    expect(data!.coupons.map((c) => c.code)).toEqual([perk, ship]);
    expect(data!.coupons[0]).toMatchObject({ type: 'custom', value: 0, isAvailableToUse: true, isLocked: true, usedCount: 0 });
    expect(data!.coupons[0]).not.toHaveProperty('usageLimit'); // unlimited: left out
    expect(data!.coupons[1]).toEqual({
      name: 'Free shipping for 50 points', code: ship, value: 0, type: 'shipping', target: 'Online', isManualCoupon: false,
      startDate: expect.any(String), expiryDate: expect.any(String), isExpired: false, isActive: true,
      usageLimit: 1, limitPerCustomer: 1, usedCount: 1, customerUsedCount: 1,
      entitledProductIds: [], entitledVariantIds: [], entitledCollectionIds: ['14313'], entitledMerchantIds: [], entitledPlatforms: [],
      combinesWith: { orderDiscounts: true, productDiscounts: true, shippingDiscounts: true },
      group: { handle: 'shipping-offers', url: 'https://shop.example.com/offers', iconPath: '/icons/ship.png' },
      isAvailableToUse: false, isLocked: false,
    });
  });

  it('answers 404/7000 for an unknown customer, and the public key alone cannot read a customer\'s coupons', async () => {
    const customerId = uid('nobody');
    const gb = server().client();
    expect((await gb.GET('/customers/{customerId}/coupons', { params: { path: { customerId } } })).error).toMatchObject({ code: 7000 });
    const known = await couponsApi(gb).customerWith(0);
    const publicOnly = server().client({ apiKey: couponShop.apiKey });
    expect((await publicOnly.GET('/customers/{customerId}/coupons', { params: { path: { customerId: known } } })).error).toMatchObject({ code: 1001 });
  });
});
