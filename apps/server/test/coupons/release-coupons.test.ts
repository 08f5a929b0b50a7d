import { expect, it } from 'vitest';
import { couponShop, demo, describeOnStorages, uid } from '../support/harness.js';
import { couponsApi } from './coupons-api.js';

describeOnStorages('releasing locked coupons', (server) => {
  const shop = () => couponsApi(server().as(couponShop));

  it('frees the lock\'s coupons at once: they can be locked by another session or burned by code, and a second release is 4004', async () => {
    const api = shop();
    const customerId = await api.customerWith(200);
    const [a, b] = [await api.coupon(customerId, 5), await api.coupon(customerId, 5)];
    const lock = (await api.validateMany(customerId, [a, b], { lock: true })).data!.lockReference!;
    const { data, error } = await api.release(lock);
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ success: true, releasedAt: expect.any(String) });
    expect(data!.releasedCoupons.sort()).toEqual([a, b].sort());
    expect([...(await api.coupons(customerId)).values()].map((c) => c.isLocked)).toEqual([false, false]);
    expect((await api.release(lock)).error).toMatchObject({ code: 4004 });
    expect((await api.burnLock(customerId, lock)).error).toMatchObject({ code: 4004 });
    expect((await api.validate(a, { customerId, lock: true })).data!.valid).toBe(true);
    expect((await api.burnCodes(customerId, [b])).error).toBeUndefined();
  });

  it('answers 4004 for an unknown, burned or lapsed lock, and for another account\'s lock', async () => {
    const api = shop();
    const customerId = await api.customerWith(200);
    expect((await api.release(uid('lock'))).error).toMatchObject({ code: 4004 });
    const code = await api.coupon(customerId, 4);
    const burned = (await api.validate(code, { customerId, lock: true })).data!.lockReference!;
    await api.burnLock(customerId, burned);
    expect((await api.release(burned)).error).toMatchObject({ code: 4004 });
    const lapsing = (await api.validate(code, { customerId, lock: true, lockDuration: 1 })).data!.lockReference!;
    expect((await couponsApi(server().client()).release(lapsing)).error).toMatchObject({ code: 4004 }); // the demo account's keys
    server().clock.advance(61_000);
    expect((await api.release(lapsing)).error).toMatchObject({ code: 4004 });
  });

  it('needs the secret key: the public key alone cannot release (401/1001) and the lock holds', async () => {
    const api = couponsApi(server().client());
    const customerId = await api.customerWith(200);
    const code = await api.coupon(customerId, 1);
    const lock = (await api.validate(code, { customerId, lock: true, totalPurchaseAmount: 50 })).data!.lockReference!;
    const publicOnly = couponsApi(server().client({ apiKey: demo.apiKey }));
    expect((await publicOnly.release(lock)).error).toMatchObject({ code: 1001 });
    expect((await publicOnly.validate(code, { customerId, lock: true })).error).toMatchObject({ code: 1001 });
    expect((await api.coupons(customerId)).get(code)!.isLocked).toBe(true);
  });
});
