import { expect, it } from 'vitest';
import { couponShop, describeOnStorages } from '../support/harness.js';
import { storeDigest } from '../support/store-digest.js';
import { couponsApi } from './coupons-api.js';

describeOnStorages('checking several coupons', (server) => {
  const shop = () => couponsApi(server().as(couponShop));

  it('lists every code with its own verdict, in the request\'s order, and locks all of them under one lock', async () => {
    const api = shop();
    const customerId = await api.customerWith(500);
    const [a, b] = [await api.coupon(customerId, 5), await api.coupon(customerId, 4)];
    const { data } = await api.validateMany(customerId, [b, a], { lock: true, lockDuration: 5 });
    expect(data).toMatchObject({ valid: true, coupons: [{ code: b, valid: true }, { code: a, valid: true }], lockReference: expect.any(String) });
    const listed = await api.coupons(customerId);
    expect([listed.get(a)!.isLocked, listed.get(b)!.isLocked]).toEqual([true, true]);
    // Burning by the lock burns both.
    expect((await api.burnLock(customerId, data!.lockReference!)).data!.burnedCoupons.sort()).toEqual([a, b].sort());
  });

  it('locks none when one code is not valid: every verdict is given and nothing is written', async () => {
    const api = shop();
    const customerId = await api.customerWith(500);
    const good = await api.coupon(customerId, 5);
    const before = await storeDigest(server().store);
    const { data } = await api.validateMany(customerId, [good, 'NOPE-12345678'], { lock: true });
    expect(data).toEqual({
      valid: false,
      coupons: [expect.objectContaining({ code: good, valid: true }), { code: 'NOPE-12345678', valid: false, reason: 'notFound' }],
    });
    expect(await storeDigest(server().store)).toEqual(before);
    expect((await api.coupons(customerId)).get(good)!.isLocked).toBe(false);
  });

  it('makes a lock hold exactly the codes sent with its lockReference, freeing the ones dropped, and renews it', async () => {
    const api = shop();
    const customerId = await api.customerWith(500);
    const [a, b, c] = [await api.coupon(customerId, 5), await api.coupon(customerId, 5), await api.coupon(customerId, 5)];
    const lock = (await api.validateMany(customerId, [a, b], { lock: true })).data!.lockReference!;
    const moved = (await api.validateMany(customerId, [b, c], { lockReference: lock })).data!;
    expect(moved).toMatchObject({ valid: true, lockReference: lock });
    const listed = await api.coupons(customerId);
    expect([a, b, c].map((code) => listed.get(code)!.isLocked)).toEqual([false, true, true]);
    // A failed change leaves the lock as it was.
    expect((await api.validateMany(customerId, [a, 'NOPE-00000000'], { lockReference: lock })).data!.valid).toBe(false);
    const after = await api.coupons(customerId);
    expect([a, b, c].map((code) => after.get(code)!.isLocked)).toEqual([false, true, true]);
  });

  it('refuses a code given twice, in any letter case, with 422/3003', async () => {
    const api = shop();
    const customerId = await api.customerWith(100);
    const code = await api.coupon(customerId, 5);
    expect((await api.validateMany(customerId, [code, code.toLowerCase()])).error).toMatchObject({ code: 3003 });
  });

  it('reports a coupon under another live lock as locked only when the request locks', async () => {
    const api = shop();
    const customerId = await api.customerWith(100);
    const code = await api.coupon(customerId, 5);
    await api.validate(code, { customerId, lock: true });
    expect((await api.validateMany(customerId, [code])).data!.valid).toBe(true);
    expect((await api.validateMany(customerId, [code], { lock: true })).data!.coupons[0]).toMatchObject({ valid: false, reason: 'locked' });
  });
});
