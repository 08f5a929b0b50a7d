import { expect, it } from 'vitest';
import { sql } from '../../src/store/sql.js';
import { couponShop, describeOnStorages, uid } from '../support/harness.js';
import { storeDigest } from '../support/store-digest.js';
import { couponsApi } from './coupons-api.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

describeOnStorages('checking a coupon', (server) => {
  const shop = () => couponsApi(server().as(couponShop));
  /** Changes a coupon where no operation can (an issued coupon always starts now and stays active). */
  const alter = (code: string, set: string, value: string | number) =>
    server().store.run(sql(`UPDATE coupons SET ${set} = ? WHERE code = ?`), [value, code]);

  it('answers valid with the coupon\'s terms, writes nothing, and accepts the code in any letter case', async () => {
    const api = shop();
    const customerId = await api.customerWith(200);
    const code = await api.coupon(customerId, 1);
    const before = await storeDigest(server().store);
    const { data } = await api.validate(code.toLowerCase(), { customerId, totalPurchaseAmount: 20 });
    expect(data).toEqual({
      valid: true,
      coupon: expect.objectContaining({ code, valid: true, type: 'percentage', value: 10, usageLimit: 1, limitPerCustomer: 1, capping: 50, minOrderValue: 20 }),
    });
    expect(data!.coupon).not.toHaveProperty('reason');
    expect(await storeDigest(server().store)).toEqual(before);
  });

  it('gives the first reason in the spec\'s order: notFound, customerInactive, minOrderValueNotMet, collectionNotEligible, merchantNotEligible', async () => {
    const gb = server().as(couponShop);
    const api = shop();
    const customerId = await api.customerWith(500);
    const other = await api.customerWith(500);
    const save = await api.coupon(customerId, 1);
    const ship = await api.coupon(customerId, 2); // limited to collection 14313
    const reason = async (code: string, body: Record<string, unknown> = {}, who = customerId) =>
      (await api.validate(code, { customerId: who, ...body })).data!.coupon.reason;
    expect(await reason('NO-SUCH-CODE')).toBe('notFound');
    expect(await reason(save, { totalPurchaseAmount: 50 }, other)).toBe('notFound'); // another customer's code is not revealed
    expect((await api.validate(save, { customerId: other })).data!.coupon).toEqual({ code: save, valid: false, reason: 'notFound' });
    expect(await reason(save)).toBe('minOrderValueNotMet');
    expect(await reason(save, { totalPurchaseAmount: 19.99 })).toBe('minOrderValueNotMet');
    expect(await reason(ship)).toBe('collectionNotEligible');
    expect(await reason(ship, { collectionId: 'x', collectionsIds: ['y'] })).toBe('collectionNotEligible');
    expect(await reason(ship, { collectionsIds: ['y', '14313'] })).toBeUndefined();
    await alter(ship, 'terms', JSON.stringify({ entitledCollectionIds: ['14313'], entitledMerchantIds: ['m-1'] }));
    expect(await reason(ship, { collectionId: '14313' })).toBe('merchantNotEligible');
    expect(await reason(ship, { collectionId: '14313', merchantId: 'm-2' })).toBe('merchantNotEligible');
    expect(await reason(ship, { collectionId: '14313', merchantId: 'm-1' })).toBeUndefined();
    await gb.PUT('/customers/{customerId}/activate', { params: { path: { customerId } }, body: { isActive: false } });
    expect(await reason(save, { totalPurchaseAmount: 50 })).toBe('customerInactive');
  });

  it('says inactive, notStarted, expired and usageLimitReached from the coupon and the clock', async () => {
    const api = shop();
    const customerId = await api.customerWith(500);
    const [a, b, c] = [await api.coupon(customerId, 5), await api.coupon(customerId, 5), await api.coupon(customerId, 1)];
    await alter(a, 'is_active', 0);
    await alter(b, 'start_date', new Date(Date.now() + DAY_MS).toISOString());
    const d = await api.coupon(customerId, 4); // the account allows 3 usable coupons; a and b are not
    expect((await api.burnCodes(customerId, [d])).error).toBeUndefined();
    expect((await api.burnCodes(customerId, [d])).error).toBeUndefined();
    const reason = async (code: string) => (await api.validate(code, { customerId, totalPurchaseAmount: 100 })).data!.coupon.reason;
    expect(await reason(a)).toBe('inactive');
    expect(await reason(b)).toBe('notStarted');
    expect(await reason(d)).toBe('usageLimitReached');
    expect(await reason(c)).toBeUndefined();
    server().clock.advance(14 * DAY_MS);
    expect(await reason(c)).toBe('expired');
    const listed = await api.coupons(customerId);
    expect(listed.get(c)).toMatchObject({ isExpired: true, isAvailableToUse: false });
    expect(listed.get(d)).toMatchObject({ usedCount: 2, customerUsedCount: 2, isAvailableToUse: false, isExpired: false });
    expect(listed.get(a)).toMatchObject({ isActive: false, isAvailableToUse: false });
  });

  it('locks a valid coupon for the checkout until dateToExpire; another session then finds it locked, and the lock lapses by itself', async () => {
    const api = shop();
    const customerId = await api.customerWith(200);
    const code = await api.coupon(customerId, 5);
    const locked = (await api.validate(code, { customerId, lock: true, lockDuration: 15 })).data!;
    expect(locked).toMatchObject({ valid: true, lockReference: expect.any(String) });
    expect(Date.parse(locked.dateToExpire!) - server().clock.now().getTime()).toBeGreaterThan(15 * MINUTE_MS - 5000);
    expect((await api.coupons(customerId)).get(code)).toMatchObject({ isLocked: true, isAvailableToUse: true });
    // Not locking: still valid. Locking in another session: locked, and nothing is locked.
    expect((await api.validate(code, { customerId })).data!.valid).toBe(true);
    const second = (await api.validate(code, { customerId, lock: true })).data!;
    expect(second).toMatchObject({ valid: false, coupon: { reason: 'locked' } });
    expect(second).not.toHaveProperty('lockReference');
    // The same session renews it.
    const again = (await api.validate(code, { customerId, lockReference: locked.lockReference!, lockDuration: 30 })).data!;
    expect(again).toMatchObject({ valid: true, lockReference: locked.lockReference });
    expect(Date.parse(again.dateToExpire!)).toBeGreaterThan(Date.parse(locked.dateToExpire!));
    server().clock.advance(31 * MINUTE_MS);
    expect((await api.coupons(customerId)).get(code)).toMatchObject({ isLocked: false });
    expect((await api.validate(code, { customerId, lockReference: locked.lockReference! })).error).toMatchObject({ code: 4004 });
    expect((await api.validate(code, { customerId, lock: true })).data!.valid).toBe(true);
  });

  it('adds a code to a live lock with its lockReference, and refuses another customer\'s or an unknown lock with 4004', async () => {
    const api = shop();
    const customerId = await api.customerWith(200);
    const other = await api.customerWith(200);
    const first = await api.coupon(customerId, 5);
    const second = await api.coupon(customerId, 5);
    const lock = (await api.validate(first, { customerId, lock: true })).data!.lockReference!;
    expect((await api.validate(second, { customerId, lockReference: lock })).data).toMatchObject({ valid: true, lockReference: lock });
    const theirs = await api.coupon(other, 5);
    expect((await api.validate(theirs, { customerId: other, lockReference: lock })).error).toMatchObject({ code: 4004 });
    expect((await api.validate(theirs, { customerId: other, lockReference: uid('lock') })).error).toMatchObject({ code: 4004 });
    const burned = (await api.burnLock(customerId, lock)).data!;
    expect(burned.burnedCoupons.sort()).toEqual([first, second].sort());
  });

  it('answers 404/7000 for an unknown customer and does not create one', async () => {
    const gb = server().as(couponShop);
    const stranger = uid('nobody');
    expect((await couponsApi(gb).validate('SAVE10-AAAAAAAA', { customerId: stranger })).error).toMatchObject({ code: 7000 });
    expect((await couponsApi(gb).validate('SAVE10-AAAAAAAA', { customerId: stranger, lock: true })).error).toMatchObject({ code: 7000 });
    expect((await gb.GET('/customers/{customerId}', { params: { path: { customerId: stranger } } })).error).toMatchObject({ code: 7000 });
  });
});
