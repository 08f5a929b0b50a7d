import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { describeOnStorages, shop, uid } from '../support/harness.js';
import { ordersApi } from '../orders/orders-api.js';
import { referralApi } from '../referrals/referral-support.js';

/**
 * Orders meeting the engine on the shop account: referrals completed by the friend's first order,
 * tiers reached by money spent, channel merging. Balances are compared as differences, so the
 * sign-up campaign's points do not matter here.
 */
describeOnStorages('orders and the engagement engine', (server) => {
  const refer = referralApi(server, shop);
  const orders = () => ordersApi(server().as(shop), server().store);
  const points = async (customerId: string) => (await refer.balance(customerId)).points;

  it("the friend's first order makes the referral Active and rewards both once; a second order does not", async () => {
    const referrer = await refer.signUp();
    const friend = await refer.signUp(await refer.codeOf(referrer));
    const [referrerBefore, friendBefore] = [await points(referrer), await points(friend)];

    const first = await orders().track({ customerId: friend, totalPaid: 20 });
    expect(first.error).toBeUndefined();
    expect(first.data!.rewardedPoints).toBe(20); // 1 point per 1 spent
    expect(await points(friend)).toBe(friendBefore + 20 + 50); // cashback + the friend's reward
    expect(await points(referrer)).toBe(referrerBefore + 100);
    expect(await refer.count(referrer)).toEqual({ count: 1, totalPending: 0, totalActive: 1 });

    await orders().track({ customerId: friend, totalPaid: 20 });
    expect(await points(friend)).toBe(friendBefore + 20 + 50 + 20);
    expect(await points(referrer)).toBe(referrerBefore + 100);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });

  it("an opted-out friend's order is stored, awards nothing and leaves the referral Pending", async () => {
    const referrer = await refer.signUp();
    const friend = await refer.signUp(await refer.codeOf(referrer));
    const off = await refer.gb().PUT('/customers/{customerId}/activate', { params: { path: { customerId: friend } }, body: { isActive: false } });
    expect(off.data?.stateChanged).toBe(true);
    const before = await points(friend);
    const orderId = uid('ord');
    // 150 would reach Silver (100, +50 points) for a customer taking part.
    const tracked = await orders().track({ customerId: friend, orderId, totalPaid: 150 });
    expect(tracked.data?.rewardedPoints).toBe(0);
    expect(await orders().orderRows(orderId)).toHaveLength(1);
    expect(await points(friend)).toBe(before);
    expect(await refer.count(referrer)).toEqual({ count: 1, totalPending: 1, totalActive: 0 });
    const tier = await refer.gb().GET('/customers/{customerId}/tier-progress', { params: { path: { customerId: friend } } });
    expect([tier.data?.current?.name, tier.data?.progress]).toEqual(['Bronze', 0]);
    // Back in, the purchase made while out does not count toward a tier either.
    await refer.gb().PUT('/customers/{customerId}/activate', { params: { path: { customerId: friend } }, body: { isActive: true } });
    await orders().track({ customerId: friend, totalPaid: 10 });
    expect(await points(friend)).toBe(before + 10 + 50); // cashback and the friend's referral reward, no tier reward
  });

  it('an order under a new customerId with a known email earns on the one merged wallet', async () => {
    const web = uid('web');
    const email = `${uid('mail')}@example.com`;
    expect((await refer.gb().POST('/customers', { body: { customerId: web, email } })).response.status).toBe(200);
    const before = await points(web);
    const pos = uid('pos');
    const tracked = await orders().track({ customerId: pos, email: email.toUpperCase(), totalPaid: 30 });
    expect(tracked.error).toBeUndefined();
    expect(await points(web)).toBe(before + 30);
    expect(await points(pos)).toBe(before + 30);
    // Platinum (2,000 spent) earns 2 points per 1; a quote by the merged ID knows the tier.
    await orders().track({ customerId: web, totalPaid: 2000 });
    const quote = await refer.gb().POST('/orders/cashback', { body: { customerId: pos, totalPaid: 10, totalDiscount: 0, totalShipping: 0 } });
    expect(quote.data?.totalPoints).toBe(20);
  });

  it('one order crossing Silver and Gold grants both entry rewards once, in order; racing orders too', async () => {
    const customerId = uid('cust');
    await refer.signUp(undefined, customerId);
    // Money spent 0 -> 600 crosses Silver (100: +50) and Gold (500: +200).
    await orders().track({ customerId, totalPaid: 600 });
    const { data } = await refer.gb().GET('/transactions', { params: { query: { customerId } } });
    const tiers = data!.transactions.filter((t) => t.achievedTierId !== undefined);
    expect(tiers.map((t) => [t.achievedTierId, t.points])).toEqual([[2, 50], [3, 200]]);
    const progress = await refer.gb().GET('/customers/{customerId}/tier-progress', { params: { path: { customerId } } });
    expect(progress.data?.current?.name).toBe('Gold');

    // Two orders at once, each alone enough for Silver and Gold together: each reward once.
    const racer = uid('cust');
    await refer.signUp(undefined, racer);
    const raced2 = await Promise.all([orders().track({ customerId: racer, totalPaid: 550 }), orders().track({ customerId: racer, totalPaid: 550 })]);
    expect(raced2.map((r) => [r.response.status, r.data?.rewardedPoints])).toEqual([[200, 550], [200, 550]]);
    const raced = await refer.gb().GET('/transactions', { params: { query: { customerId: racer } } });
    expect(raced.data!.transactions.filter((t) => t.achievedTierId !== undefined).map((t) => t.achievedTierId)).toEqual([2, 3]);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });
});
