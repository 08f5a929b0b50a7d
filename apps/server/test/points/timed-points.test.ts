import { expect, it } from 'vitest';
import { describeOnStorages, timed, uid } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';

const DAY = 86_400;

/** The "timed" account: 7-day return window, points expire 30 days after activation, minimum redemption 5. */
describeOnStorages('pending and expiring points', (server) => {
  const api = () => pointsApi(server().as(timed));

  const activate = (transactionId: string) =>
    server().as(timed).PUT('/transactions/{transactionId}/activate', { params: { path: { transactionId } } });

  it('keeps cashback pending through the return window, then makes it active by itself', async () => {
    const customerId = await api().customer();
    const payment = uid('pay');
    expect((await api().cashback(customerId, 80, payment)).data?.rewardEquivalentPoints).toBe(80);
    expect(await api().balance(customerId)).toMatchObject({ totalPointsBalance: 80, availablePointsBalance: 0, pendingPoints: 80, pendingPointsValue: 4 });
    expect((await api().redeem(customerId, { points: 10 })).error?.code).toBe(9008);
    expect((await api().ledger(customerId))[0]).toMatchObject({ status: 'Pending' });
    expect((await api().ledger(customerId))[0]).not.toHaveProperty('expiryDate'); // not known until activation

    await api().advance(7 * DAY + 1);
    const balance = await api().balance(customerId);
    expect(balance).toMatchObject({ totalPointsBalance: 80, availablePointsBalance: 80, pendingPoints: 0, nextExpiringPointsAmount: 80 });
    const [entry] = await api().ledger(customerId);
    expect(entry!.status).toBe('Active');
    // The 30 days of expiry count from activation, not from the payment.
    expect(Date.parse(balance.nextExpiringPointsDate!) - Date.parse(entry!.transactionTime)).toBeGreaterThan(36 * DAY * 1000);
    expect((await activate(payment)).data).toMatchObject({ pointsActivated: 0, clientTransactionId: payment });
  });

  it('uses the return window sent with the request instead of the account\'s', async () => {
    const customerId = await api().customer();
    await api().cashback(customerId, 30, uid('pay'), 0);
    expect(await api().balance(customerId)).toMatchObject({ availablePointsBalance: 30, pendingPoints: 0 });
  });

  it('removes pending points when their reward is refunded within the window', async () => {
    const customerId = await api().customer();
    const payment = uid('pay');
    await api().cashback(customerId, 60, payment);
    await api().refund(customerId, payment, 20);
    expect(await api().balance(customerId)).toMatchObject({ totalPointsBalance: 40, pendingPoints: 40, availablePointsBalance: 0 });
  });

  it('expires unspent points as an Expiry entry, oldest first, and never the ones spent', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 100); // expires in 30 days
    await api().advance(10 * DAY);
    await api().manual(customerId, 50); // expires 10 days later than the first
    await api().redeem(customerId, { points: 70 }); // takes the oldest points first: 30 of the 100 remain
    expect(await api().balance(customerId)).toMatchObject({ availablePointsBalance: 80, nextExpiringPointsAmount: 30 });

    await api().advance(20 * DAY + 1);
    let entries = await api().ledger(customerId);
    expect(entries.at(-1)).toMatchObject({ type: 'Expiry', direction: '-', points: 30, status: 'Expired' });
    expect(await api().balance(customerId)).toMatchObject({ totalPointsBalance: 50, availablePointsBalance: 50, nextExpiringPointsAmount: 50 });
    const expired = await server().as(timed).GET('/transactions/count', { params: { query: { customerId, status: 'Expired' } } });
    expect(expired.data?.count).toBe(1);

    await api().advance(10 * DAY);
    entries = await api().ledger(customerId);
    expect(entries.filter((e) => e.type === 'Expiry').map((e) => e.points)).toEqual([30, 50]);
    const balance = await api().balance(customerId);
    expect(balance).toMatchObject({ totalPointsBalance: 0, totalEarnedPoints: 150 });
    expect(balance).not.toHaveProperty('nextExpiringPointsDate'); // nothing left to expire
    expectConsistentLedger(entries, balance.totalPointsBalance);
  });

  it('a redemption right after points expired and others turned active spends what is spendable then, and a refund puts it back there', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 100); // expires on day 30
    await api().advance(10 * DAY);
    await api().manual(customerId, 50); // expires on day 40
    await api().cashback(customerId, 60, uid('pay')); // pending until day 17, then expires on day 47
    // The clock moved without the jobs: the redemption's unit first writes the expiry of the 100
    // and activates the 60 (so the lots its lock's read found are stale), then takes 50 + 20.
    server().clock.advance((20 * DAY + 1) * 1000);
    const redemption = uid('red');
    expect((await api().redeem(customerId, { points: 70 }, redemption)).error).toBeUndefined();
    expect(await api().balance(customerId)).toMatchObject({ totalPointsBalance: 40, availablePointsBalance: 40, nextExpiringPointsAmount: 40 });
    const entries = await api().ledger(customerId);
    expect(entries.filter((e) => e.type === 'Expiry').map((e) => e.points)).toEqual([100]);
    expectConsistentLedger(entries, 40);
    // The refund gives the 20 back to the day-47 points and the 50 to the day-40 ones, which expire first.
    expect((await api().refund(customerId, redemption)).data?.refundEquivalentPoints).toBe(70);
    expect(await api().balance(customerId)).toMatchObject({ totalPointsBalance: 110, nextExpiringPointsAmount: 50 });
    await api().advance(10 * DAY);
    expect(await api().balance(customerId)).toMatchObject({ totalPointsBalance: 60, nextExpiringPointsAmount: 60 });
  });

  it('lists expiries due in the account even before the customer is read again', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 9);
    await api().advance(31 * DAY);
    const list = await server().as(timed).GET('/transactions', { params: { query: { customerId } } });
    expect(list.data?.transactions.map((t) => t.type)).toEqual(['ManualAccumulation', 'Expiry']);
  });

  it('refuses a redemption below the account\'s minimum with 422/3011', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 20);
    const { error } = await api().redeem(customerId, { points: 4 });
    expect(error?.code).toBe(3011);
  });

  it('does not revive refunded points that expired meanwhile', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 40);
    const redemption = uid('red');
    await api().redeem(customerId, { points: 40 }, redemption);
    await api().advance(31 * DAY);
    const { data } = await api().refund(customerId, redemption);
    expect(data?.refundEquivalentPoints).toBe(0);
    expect((await api().balance(customerId)).totalPointsBalance).toBe(0);
  });
});
