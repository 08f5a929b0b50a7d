import { expect, it } from 'vitest';
import { couponShop, demo, describeOnStorages, uid } from '../support/harness.js';
import { storeDigest } from '../support/store-digest.js';
import { couponsApi } from './coupons-api.js';

describeOnStorages('burning coupons', (server) => {
  const shop = () => couponsApi(server().as(couponShop));

  it('uses each coupon once: both counters grow, a single-use coupon cannot be burned again (3011)', async () => {
    const api = shop();
    const customerId = await api.customerWith(200);
    const code = await api.coupon(customerId, 1);
    const { data, error } = await api.burnCodes(customerId, [code.toLowerCase()], { transactionId: uid('pos') });
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ success: true, burnedAt: expect.any(String), burnedCoupons: [code] });
    expect((await api.coupons(customerId)).get(code)).toMatchObject({ usedCount: 1, customerUsedCount: 1, isAvailableToUse: false });
    expect((await api.burnCodes(customerId, [code])).error).toMatchObject({ code: 3011 });
    expect(await api.balance(customerId)).toMatchObject({ totalPointsBalance: 100 }); // a burn moves no points
  });

  it('is all or nothing: one code that cannot be burned leaves the others unused', async () => {
    const api = shop();
    const customerId = await api.customerWith(300);
    const [a, b] = [await api.coupon(customerId, 5), await api.coupon(customerId, 1)];
    expect((await api.burnCodes(customerId, [b])).error).toBeUndefined();
    const before = await storeDigest(server().store);
    expect((await api.burnCodes(customerId, [a, b])).error).toMatchObject({ code: 3011 });
    expect((await api.burnCodes(customerId, [a, 'NOPE-00000000'])).error).toMatchObject({ code: 4004 });
    expect(await storeDigest(server().store)).toEqual(before);
    expect((await api.coupons(customerId)).get(a)!.usedCount).toBe(0);
  });

  it('checks in the spec\'s order: 3000 for neither or both, 7000, 3009 opted out, 9004, 9007, 4004, 3009 expired, 423/3014 locked', async () => {
    const gb = server().as(couponShop);
    const api = shop();
    const customerId = await api.customerWith(300);
    const code = await api.coupon(customerId, 5);
    expect((await gb.POST('/coupons/burn', { body: { customerId } })).error).toMatchObject({ code: 3000 });
    expect((await gb.POST('/coupons/burn', { body: { customerId, coupons: [code], lockReference: 'x' } })).error).toMatchObject({ code: 3000 });
    expect((await api.burnCodes(uid('nobody'), [code])).error).toMatchObject({ code: 7000 });
    expect((await api.burnCodes(await api.customerWith(0), [code])).error).toMatchObject({ code: 4004 }); // another customer's code
    const transactionId = uid('pos');
    const other = await api.coupon(customerId, 5);
    expect((await api.burnCodes(customerId, [other], { transactionId })).error).toBeUndefined();
    expect((await api.burnCodes(customerId, [code], { transactionId })).error).toMatchObject({ code: 9004 });
    const future = new Date(server().clock.now().getTime() + 3_600_000).toISOString();
    expect((await api.burnCodes(customerId, [code], { transactionTime: future })).error).toMatchObject({ code: 9007 });
    expect((await api.burnLock(customerId, uid('lock'))).error).toMatchObject({ code: 4004 });
    const lock = (await api.validate(code, { customerId, lock: true })).data!.lockReference!;
    const locked = await api.burnCodes(customerId, [code]);
    expect([locked.response.status, locked.error]).toEqual([423, expect.objectContaining({ code: 3014 })]);
    expect((await api.release(lock)).error).toBeUndefined();
    server().clock.advance(31 * 86_400_000);
    expect((await api.burnCodes(customerId, [code])).error).toMatchObject({ code: 3009 }); // expired after 30 days
    await gb.PUT('/customers/{customerId}/activate', { params: { path: { customerId } }, body: { isActive: false } });
    expect((await api.burnCodes(customerId, [code])).error).toMatchObject({ code: 3009 });
  });

  it('burns a lock once: its coupons are used and a second burn of the lock is 4004', async () => {
    const api = shop();
    const customerId = await api.customerWith(200);
    const code = await api.coupon(customerId, 4); // may be used twice
    const lock = (await api.validate(code, { customerId, lock: true })).data!.lockReference!;
    expect((await api.burnLock(customerId, lock)).data!.burnedCoupons).toEqual([code]);
    expect((await api.burnLock(customerId, lock)).error).toMatchObject({ code: 4004 });
    expect((await api.coupons(customerId)).get(code)).toMatchObject({ usedCount: 1, isLocked: false, isAvailableToUse: true });
  });

  it('lets exactly one of several concurrent burns of a single-use coupon succeed', async () => {
    const api = shop();
    const customerId = await api.customerWith(200);
    const code = await api.coupon(customerId, 1);
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.burnCodes(customerId, [code])));
    expect(answers.filter((a) => a.response.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.error).map((a) => a.error!.code)).toEqual([3011, 3011, 3011, 3011, 3011]);
    expect((await api.coupons(customerId)).get(code)).toMatchObject({ usedCount: 1, customerUsedCount: 1 });
  });

  it('lets exactly one of two concurrent burns of one lock succeed; the other finds the lock burned (4004)', async () => {
    const api = shop();
    const customerId = await api.customerWith(200);
    const code = await api.coupon(customerId, 4);
    const lock = (await api.validate(code, { customerId, lock: true })).data!.lockReference!;
    const answers = await Promise.all([api.burnLock(customerId, lock), api.burnLock(customerId, lock)]);
    expect(answers.map((a) => a.response.status).sort()).toEqual([200, 404]);
    expect((await api.coupons(customerId)).get(code)!.usedCount).toBe(1);
  });

  it('needs the secret key: the public key alone cannot burn (401/1001)', async () => {
    const api = couponsApi(server().client());
    const customerId = await api.customerWith(200);
    const code = await api.coupon(customerId, 1);
    const publicOnly = couponsApi(server().client({ apiKey: demo.apiKey }));
    expect((await publicOnly.burnCodes(customerId, [code])).error).toMatchObject({ code: 1001 });
    expect((await api.coupons(customerId)).get(code)).toMatchObject({ usedCount: 0, isAvailableToUse: true });
  });
});
