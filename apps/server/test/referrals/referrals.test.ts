import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { sql } from '../../src/store/sql.js';
import { describeOnStorages, referGuest, referOnly, shop } from '../support/harness.js';
import { ORDER, referralApi } from './referral-support.js';

const FRIENDS_REFERRED = sql('SELECT friends_referred FROM customers WHERE account_id = ? AND customer_id = ?');

describeOnStorages('referrals', (server) => {
  const api = referralApi(server, shop);

  it('rewards the referrer and the friend once when the friend places a first order (PlayerAndFriend)', async () => {
    const referrer = await api.signUp();
    const friend = await api.signUp(await api.codeOf(referrer));
    expect((await api.profile(friend)).isReferred).toBe(true);
    expect(await api.friends(referrer)).toEqual([[friend, 'Pending']]);
    expect(await api.count(referrer)).toEqual({ count: 1, totalPending: 1, totalActive: 0 });
    expect(await api.balance(referrer)).toEqual({ points: 0, score: 0 });

    await api.fire(friend, [ORDER]);
    expect(await api.balance(friend)).toEqual({ points: 50, score: 0 });
    expect(await api.balance(referrer)).toEqual({ points: 100, score: 10 });
    expect(await api.friends(referrer)).toEqual([[friend, 'Active']]);
    expect(await api.count(referrer)).toEqual({ count: 1, totalPending: 0, totalActive: 1 });

    // A second order, the same event twice, and a sweep give nothing more.
    await api.fire(friend, [ORDER, ORDER]);
    await api.fire(friend, [ORDER]);
    await server().jobs.runOnce();
    expect(await api.balance(friend)).toEqual({ points: 50, score: 0 });
    expect(await api.balance(referrer)).toEqual({ points: 100, score: 10 });
    const row = await server().store.get<{ friends_referred: number }>(FRIENDS_REFERRED, [shop.id, referrer]);
    expect(Number(row!.friends_referred)).toBe(1);
    const { data } = await api.gb().GET('/transactions', { params: { query: { customerId: referrer } } });
    const notSignUp = data!.transactions.filter((t) => t.achievementName !== 'Welcome aboard'); // the SignUp campaign's reward
    expect(notSignUp.map((t) => [t.type, t.points, t.achievementName])).toEqual([['AchievementReward', 100, 'Referred a friend']]);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });

  it('does not advance a referral on other events, and not while the friend is opted out', async () => {
    const referrer = await api.signUp();
    const friend = await api.signUp(await api.codeOf(referrer));
    await api.fire(friend, [{ name: 'review_submitted', metadata: { rating: 5 } }]);
    const optOut = await api.gb().PUT('/customers/{customerId}/activate', { params: { path: { customerId: friend } }, body: { isActive: false } });
    expect(optOut.data?.stateChanged).toBe(true);
    await api.fire(friend, [ORDER]);
    expect(await api.count(referrer)).toEqual({ count: 1, totalPending: 1, totalActive: 0 });
    await api.gb().PUT('/customers/{customerId}/activate', { params: { path: { customerId: friend } }, body: { isActive: true } });
    await api.fire(friend, [ORDER]);
    expect(await api.count(referrer)).toEqual({ count: 1, totalPending: 0, totalActive: 1 });
    expect(await api.balance(referrer)).toEqual({ points: 100, score: 10 });
  });

  it('refuses a second referral of the same friend (7002) and one\'s own code (7006), and ignores unknown codes', async () => {
    const first = await api.signUp();
    const second = await api.signUp();
    const friend = await api.signUp(await api.codeOf(first));
    const again = await api.gb().POST('/customers', { body: { customerId: friend, referrerCode: await api.codeOf(second) } });
    expect(again.response.status).toBe(422);
    expect(again.error).toMatchObject({ code: 7002, type: 'CUSTOMER_ERROR' });
    // The same code again is the same referral: nothing changes.
    const same = await api.gb().POST('/customers', { body: { customerId: friend, referrerCode: await api.codeOf(first) } });
    expect(same.response.status).toBe(200);
    expect(await api.count(second)).toEqual({ count: 0, totalPending: 0, totalActive: 0 });

    const self = await api.gb().POST('/customers', { body: { customerId: second, referrerCode: await api.codeOf(second), customerAttributes: { city: 'Cairo' } } });
    expect(self.response.status).toBe(422);
    expect(self.error).toMatchObject({ code: 7006 });
    expect((await api.profile(second)).customerAttributes.city).toBeUndefined(); // nothing written

    const stranger = await api.signUp('NoSuchCode0000');
    expect((await api.profile(stranger)).isReferred).toBe(false);
    await api.fire(stranger, [ORDER]);
    expect(await api.balance(stranger)).toEqual({ points: 0, score: 0 });
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });

  it('gives the referrer the extra reward with every third active referral', async () => {
    const referrer = await api.signUp();
    const code = await api.codeOf(referrer);
    const friends = [await api.signUp(code), await api.signUp(code), await api.signUp(code), await api.signUp(code)];
    const points = [];
    for (const friend of friends) {
      await api.fire(friend, [ORDER]);
      points.push((await api.balance(referrer)).points);
    }
    expect(points).toEqual([100, 200, 350, 450]);
    const { data } = await api.gb().GET('/transactions', { params: { query: { customerId: referrer } } });
    expect(data!.transactions.filter((t) => t.achievementName === 'Referral bonus').map((t) => t.points)).toEqual([50]);
  });

  it('rewards only the referrer when the friend fires the program\'s event with matching metadata (PlayerOnly)', async () => {
    const only = referralApi(server, referOnly);
    const referrer = await only.signUp();
    const code = await only.codeOf(referrer);
    const [a, b] = [await only.signUp(code), await only.signUp(code)];
    await only.fire(a, [{ name: 'subscribed', metadata: { plan: 'basic' } }, ORDER]);
    expect(await only.count(referrer)).toEqual({ count: 2, totalPending: 2, totalActive: 0 });
    await only.fire(a, [{ name: 'subscribed', metadata: { plan: ' Pro ' } }]);
    expect(await only.balance(a)).toEqual({ points: 0, score: 0 });
    expect(await only.balance(referrer)).toEqual({ points: 100, score: 5 });
    await only.fire(b, [{ name: 'subscribed', metadata: { plan: 'premium' } }]);
    expect(await only.balance(referrer)).toEqual({ points: 230, score: 11 }); // 2 x 100 + the extra 30 at the second
  });

  it('rewards both after the guest friend\'s order (PlayerAndGuest), whatever the event name says', async () => {
    const guest = referralApi(server, referGuest);
    const referrer = await guest.signUp();
    const friend = await guest.signUp(await guest.codeOf(referrer));
    await guest.fire(friend, [{ name: 'signed_up', metadata: {} }]);
    expect(await guest.balance(referrer)).toEqual({ points: 0, score: 0 });
    await guest.fire(friend, [ORDER]);
    expect(await guest.balance(friend)).toEqual({ points: 20, score: 2 });
    expect(await guest.balance(referrer)).toEqual({ points: 40, score: 0 });
  });

  it('gives a referrer reward left due by a stopped process exactly once, from the sweeper', async () => {
    const referrer = await api.signUp();
    const friend = await api.signUp(await api.codeOf(referrer));
    // As if the friend's unit committed and the process stopped before the referrer's unit ran.
    await server().store.transaction((tx) =>
      tx.run(sql("UPDATE referrals SET status = 'Active', activated_at = ?, referrer_reward = 'due' WHERE friend_pk = (SELECT id FROM customers WHERE account_id = ? AND customer_id = ?)"), [
        new Date().toISOString(), shop.id, friend,
      ]),
    );
    await server().jobs.runOnce();
    await server().jobs.runOnce();
    expect(await api.balance(referrer)).toEqual({ points: 100, score: 10 });
    await api.fire(friend, [ORDER]); // already Active: nothing more
    expect(await api.balance(referrer)).toEqual({ points: 100, score: 10 });
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });

  it('takes a referrer code only within the registration window (5 minutes on this account)', async () => {
    const referrer = await api.signUp();
    const friend = await api.signUp();
    const late = await api.signUp();
    const code = await api.codeOf(referrer);
    await api.gb().POST('/customers', { body: { customerId: friend, referrerCode: code } });
    await api.gb().POST('/_reference/clock', { body: { advanceSeconds: 301 } });
    await api.gb().POST('/customers', { body: { customerId: late, referrerCode: code } });
    expect((await api.profile(friend)).isReferred).toBe(true);
    expect((await api.profile(late)).isReferred).toBe(false);
    expect(await api.friends(referrer)).toEqual([[friend, 'Pending']]);
  });
});

// Referrals completed by POST /orders: test/engagement/orders-engagement.test.ts.
describeOnStorages('referrals through POST /events', (server) => {
  it('refer-only\'s `subscribed` event with plan Pro completes the referral; plan basic does not', async () => {
    const only = referralApi(server, referOnly);
    const referrer = await only.signUp();
    const friend = await only.signUp(await only.codeOf(referrer));
    const send = (plan: string) => only.gb().POST('/events', { body: { customerId: friend, events: { subscribed: { plan } } } });
    expect((await send('basic')).response.status).toBe(200);
    expect(await only.count(referrer)).toEqual({ count: 1, totalPending: 1, totalActive: 0 });
    expect((await send('Pro')).response.status).toBe(200);
    expect(await only.count(referrer)).toEqual({ count: 1, totalPending: 0, totalActive: 1 });
    expect(await only.balance(referrer)).toEqual({ points: 100, score: 5 });
  });
});
