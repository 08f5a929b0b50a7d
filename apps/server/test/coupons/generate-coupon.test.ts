import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { couponShop, demo, describeOnStorages, nowIso, uid } from '../support/harness.js';
import { couponsApi } from './coupons-api.js';

const DAY_MS = 86_400_000;

describeOnStorages('buying a coupon with points', (server) => {
  it('spends the rule\'s points as one DiscountCode entry and issues the coupon, with its terms, in one unit of work', async () => {
    const api = couponsApi(server().client());
    const customerId = await api.customerWith(250);
    const transactionId = uid('buy');
    const { data, error } = await api.generate(customerId, 1, transactionId);
    expect(error).toBeUndefined();
    expect(data!.code).toMatch(/^SAVE10-[A-Z0-9]{8}$/);
    expect(data!.redeemedPoints).toBe(100);
    expect(Date.parse(data!.expiryDate!) - Date.parse(data!.startDate)).toBe(14 * DAY_MS);
    expect(data).not.toHaveProperty('url');

    expect(await api.balance(customerId)).toMatchObject({ totalPointsBalance: 150, availablePointsBalance: 150 });
    const entry = (await api.ledger(customerId)).find((t) => t.type === 'DiscountCode');
    expect(entry).toMatchObject({ transactionId, direction: '-', points: 100, amount: 10, pointsBalanceBefore: 250, pointsBalanceAfter: 150, status: 'Active' });

    const coupon = (await api.coupons(customerId)).get(data!.code);
    expect(coupon).toMatchObject({
      name: '10% off for 100 points', type: 'percentage', value: 10, target: 'Online', isManualCoupon: false, startDate: data!.startDate,
      expiryDate: data!.expiryDate, usageLimit: 1, limitPerCustomer: 1, usedCount: 0, customerUsedCount: 0, capping: 50, minOrderValue: 20,
      isExpired: false, isActive: true, isAvailableToUse: true, isLocked: false,
    });
    expect(coupon).not.toHaveProperty('currency'); // a percentage coupon has none
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });

  it('refuses a customer short of points with 9008 and writes nothing', async () => {
    const api = couponsApi(server().client());
    const customerId = await api.customerWith(99);
    const { error } = await api.generate(customerId, 1);
    expect(error).toMatchObject({ code: 9008 });
    expect(await api.balance(customerId)).toMatchObject({ totalPointsBalance: 99 });
    expect((await api.ledger(customerId)).map((t) => t.type)).toEqual(['ManualAccumulation']);
    expect((await api.coupons(customerId)).size).toBe(0);
  });

  it('buys once per transactionId: a retry answers 9004 and spends nothing more', async () => {
    const api = couponsApi(server().client());
    const customerId = await api.customerWith(500);
    const transactionId = uid('buy');
    expect((await api.generate(customerId, 2, transactionId)).error).toBeUndefined();
    expect((await api.generate(customerId, 2, transactionId)).error).toMatchObject({ code: 9004 });
    expect(await api.balance(customerId)).toMatchObject({ totalPointsBalance: 450 });
    expect((await api.coupons(customerId)).size).toBe(1);
  });

  it('answers 4004 for an unknown rule, 3009 for an inactive one, 7000 for an unknown customer (never created), 3009 for an opted-out one', async () => {
    const gb = server().as(couponShop);
    const api = couponsApi(gb);
    const customerId = await api.customerWith(500);
    expect((await api.generate(customerId, 99)).error).toMatchObject({ code: 4004 });
    expect((await api.generate(customerId, 3)).error).toMatchObject({ code: 3009 });
    const stranger = uid('nobody');
    expect((await api.generate(stranger, 1)).error).toMatchObject({ code: 7000 });
    expect((await gb.GET('/customers/{customerId}', { params: { path: { customerId: stranger } } })).error).toMatchObject({ code: 7000 });
    await gb.PUT('/customers/{customerId}/activate', { params: { path: { customerId } }, body: { isActive: false } });
    expect((await api.generate(customerId, 1)).error).toMatchObject({ code: 3009 });
    expect(await api.balance(customerId)).toMatchObject({ totalPointsBalance: 500 });
  });

  it('takes the settings\' default expiry and cap, the rule\'s own point value and the account\'s currency for a fixed coupon', async () => {
    const api = couponsApi(server().as(couponShop));
    const customerId = await api.customerWith(500);
    const shipping = (await api.generate(customerId, 2)).data!; // no expiryAfter: the default 30 days
    expect(Date.parse(shipping.expiryDate!) - Date.parse(shipping.startDate)).toBe(30 * DAY_MS);
    const five = (await api.generate(customerId, 4)).data!; // expiryAfter 400, capped at 365
    expect(Date.parse(five.expiryDate!) - Date.parse(five.startDate)).toBe(365 * DAY_MS);
    expect((await api.coupons(customerId)).get(five.code)).toMatchObject({ type: 'fixed', value: 5, currency: 'EGP', usageLimit: 2 });
    const entries = (await api.ledger(customerId)).filter((t) => t.type === 'DiscountCode');
    expect(entries.map((t) => [t.points, t.amount])).toEqual([[50, 5], [60, 3]]); // rule 4 values a point at 0.05
  });

  it('refuses a fourth usable coupon where the account allows three (3011), and counts only usable ones', async () => {
    const api = couponsApi(server().as(couponShop));
    const customerId = await api.customerWith(1000);
    const first = await api.coupon(customerId, 5);
    await api.coupon(customerId, 5);
    await api.coupon(customerId, 5);
    expect((await api.generate(customerId, 5)).error).toMatchObject({ code: 3011 });
    expect(await api.balance(customerId)).toMatchObject({ totalPointsBalance: 970 });
    // PERK coupons have no usage limit; an expired one no longer counts.
    server().clock.advance(31 * DAY_MS);
    expect((await api.coupons(customerId)).get(first)).toMatchObject({ isExpired: true, isAvailableToUse: false });
    expect((await api.generate(customerId, 5)).error).toBeUndefined();
  });

  it('answers 403/8000 once coupons are turned off, and 3009 for a type the account no longer issues', async () => {
    const gb = server().as(couponShop);
    const api = couponsApi(gb);
    const customerId = await api.customerWith(500);
    expect((await gb.PUT('/configurations/rewards/coupons', { body: { couponTypes: ['free_shipping'] } })).error).toBeUndefined();
    expect((await api.generate(customerId, 5)).error).toMatchObject({ code: 3009 });
    expect((await api.generate(customerId, 2)).error).toBeUndefined();
    expect((await gb.PUT('/configurations/rewards/coupons', { body: { enabled: false } })).error).toBeUndefined();
    expect((await api.generate(customerId, 2)).error).toMatchObject({ code: 8000 });
    await gb.PUT('/configurations/rewards/coupons', { body: { enabled: true, couponTypes: ['free_shipping', 'percentage_discount', 'fixed_discount', 'custom'] } });
  });

  it('cannot be undone by a refund: the DiscountCode transaction is not reversible (9000) and the coupon stays', async () => {
    const gb = server().client();
    const api = couponsApi(gb);
    const customerId = await api.customerWith(200);
    const transactionId = uid('buy');
    const code = (await api.generate(customerId, 1, transactionId)).data!.code;
    const refund = await gb.POST('/transactions/refund', {
      body: { customerId, refundTransactionId: uid('ref'), reverseTransactionId: transactionId, transactionTime: nowIso() },
    });
    expect(refund.error).toMatchObject({ code: 9000 });
    expect(await api.balance(customerId)).toMatchObject({ totalPointsBalance: 100 });
    expect((await api.coupons(customerId)).get(code)?.isAvailableToUse).toBe(true);
  });

  it('needs the secret key: the public key alone gets 401/1001 and buys nothing', async () => {
    const api = couponsApi(server().client());
    const customerId = await api.customerWith(200);
    const publicOnly = server().client({ apiKey: demo.apiKey });
    const { error, response } = await publicOnly.POST('/coupons/predefined', { body: { customerId, ruleId: 1 } });
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ code: 1001 });
    expect(await api.balance(customerId)).toMatchObject({ totalPointsBalance: 200 });
    expect((await api.coupons(customerId)).size).toBe(0);
  });
});
