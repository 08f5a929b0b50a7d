import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { couponShop, describeOnStorages, nowIso, uid } from '../support/harness.js';
import { storeDigest } from '../support/store-digest.js';
import { couponsApi } from './coupons-api.js';

describeOnStorages('coupons used on orders and payments', (server) => {
  const gb = () => server().as(couponShop);
  const shop = () => couponsApi(gb());

  it('burns the coupons of the lock and the codes named, in the order\'s own unit of work, with its reward', async () => {
    const api = shop();
    const customerId = await api.customerWith(300);
    const [locked, direct] = [await api.coupon(customerId, 5), await api.coupon(customerId, 4)];
    const lock = (await api.validate(locked, { customerId, lock: true })).data!.lockReference!;
    const orderId = uid('ord');
    const order = await api.order(customerId, { couponsLockReference: lock, couponCodes: [direct, locked] }, orderId, 100);
    expect(order.error).toBeUndefined();
    expect(order.data!.rewardedPoints).toBe(100);
    const listed = await api.coupons(customerId);
    expect(listed.get(locked)).toMatchObject({ usedCount: 1, isLocked: false }); // named twice, burned once
    expect(listed.get(direct)).toMatchObject({ usedCount: 1 });
    expect((await api.burnLock(customerId, lock)).error).toMatchObject({ code: 4004 }); // the order burned the lock
    expect(await api.balance(customerId)).toMatchObject({ totalPointsBalance: 300 - 10 - 60 + 100 });
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });

  it('refuses the whole order when a coupon cannot be burned, and writes nothing of it', async () => {
    const api = shop();
    const customerId = await api.customerWith(300);
    const used = await api.coupon(customerId, 1);
    expect((await api.burnCodes(customerId, [used])).error).toBeUndefined();
    const fresh = await api.coupon(customerId, 5);
    const other = await api.coupon(await api.customerWith(100), 5);
    const lockedElsewhere = await api.coupon(customerId, 5);
    await api.validate(lockedElsewhere, { customerId, lock: true });
    const before = await storeDigest(server().store);
    const orderId = uid('ord');
    expect((await api.order(customerId, { couponCodes: [fresh, used] }, orderId)).error).toMatchObject({ code: 3011 });
    expect((await api.order(customerId, { couponCodes: [fresh, other] }, orderId)).error).toMatchObject({ code: 4004 });
    expect((await api.order(customerId, { couponsLockReference: uid('lock') }, orderId)).error).toMatchObject({ code: 4004 });
    expect((await api.order(customerId, { couponCodes: [lockedElsewhere] }, orderId)).response.status).toBe(423);
    expect(await storeDigest(server().store)).toEqual(before);
    const transactions = await gb().GET('/orders/{orderId}/transactions', { params: { path: { orderId } } });
    expect(transactions.error).toMatchObject({ code: 9002 });
    // The same order with a usable coupon goes through.
    expect((await api.order(customerId, { couponCodes: [fresh] }, orderId)).error).toBeUndefined();
  });

  it('lets exactly one of two concurrent orders burn one locked coupon; the other is refused and writes nothing', async () => {
    const api = shop();
    const customerId = await api.customerWith(100);
    const code = await api.coupon(customerId, 1);
    const lock = (await api.validate(code, { customerId, lock: true, totalPurchaseAmount: 100 })).data!.lockReference!;
    const [first, second] = [uid('ord'), uid('ord')];
    const answers = await Promise.all([api.order(customerId, { couponsLockReference: lock }, first), api.order(customerId, { couponsLockReference: lock }, second)]);
    expect(answers.map((a) => a.response.status).sort()).toEqual([200, 404]);
    expect((await api.coupons(customerId)).get(code)).toMatchObject({ usedCount: 1, isAvailableToUse: false });
    const loser = answers[0]!.error ? first : second;
    expect((await gb().GET('/orders/{orderId}/transactions', { params: { path: { orderId: loser } } })).error).toMatchObject({ code: 9002 });
    expect(await api.balance(customerId)).toMatchObject({ totalPointsBalance: 100 }); // 100 spent on the coupon, 100 earned by one order
  });

  it('burns coupons named on a payment too', async () => {
    const api = shop();
    const customerId = await api.customerWith(100);
    const code = await api.coupon(customerId, 5);
    const payment = await gb().POST('/payments', {
      body: { customerId, paymentId: uid('pay'), paymentDate: nowIso(), totalPaid: 30, paymentDetails: [{ amount: 30 }], redemption: { couponCodes: [code] } },
    });
    expect(payment.error).toBeUndefined();
    expect((await api.coupons(customerId)).get(code)!.usedCount).toBe(1);
  });

  it('keeps coupons burned when the order is refunded or cancelled: the refund reverses points only', async () => {
    const api = shop();
    const customerId = await api.customerWith(200);
    const [a, b] = [await api.coupon(customerId, 1), await api.coupon(customerId, 1)];
    const [refunded, cancelled] = [uid('ord'), uid('ord')];
    expect((await api.order(customerId, { couponCodes: [a] }, refunded, 50)).error).toBeUndefined();
    expect((await api.order(customerId, { couponCodes: [b] }, cancelled, 50)).error).toBeUndefined();
    const refund = await gb().POST('/transactions/refund', {
      body: { customerId, refundTransactionId: uid('ref'), reverseTransactionId: refunded, transactionTime: nowIso() },
    });
    expect(refund.error).toBeUndefined();
    expect((await gb().DELETE('/orders/{orderId}/transactions', { params: { path: { orderId: cancelled } } })).error).toBeUndefined();
    const listed = await api.coupons(customerId);
    expect([listed.get(a)!.usedCount, listed.get(b)!.usedCount]).toEqual([1, 1]);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });

  it('refuses an opted-out customer\'s order that names coupons (3009)', async () => {
    const api = shop();
    const customerId = await api.customerWith(100);
    const code = await api.coupon(customerId, 5);
    await gb().PUT('/customers/{customerId}/activate', { params: { path: { customerId } }, body: { isActive: false } });
    expect((await api.order(customerId, { couponCodes: [code] })).error).toMatchObject({ code: 3009 });
    expect((await api.coupons(customerId)).get(code)!.usedCount).toBe(0);
  });
});
