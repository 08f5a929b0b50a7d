import { expect, it } from 'vitest';
import { describeOnStorages, timed, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { storeDigest } from '../support/store-digest.js';

const DAY_MS = 86_400_000;

/** The "timed" account: 7-day return window, points expire 30 days after activation, 2-minute holds. */
describeOnStorages('reads', (server) => {
  it('write nothing, yet show due activations, expiries and hold expiries exactly as of the clock', async () => {
    // No background sweeps on this server: due work waits for a request that writes, or the test clock.
    await server().jobs.stop();
    const gb = server().as(timed);
    const api = pointsApi(gb);
    const customerId = await api.customer();
    await api.manual(customerId, 100); // active now, expires in 30 days
    const payment = uid('pay');
    await api.cashback(customerId, 40, payment); // pending for 7 days, then expires 30 days after that
    const hold = await api.hold(customerId, { pointsToHold: 10 }); // expires in 2 minutes
    expect(await api.balance(customerId)).toMatchObject({ totalPointsBalance: 140, availablePointsBalance: 90, pendingPoints: 40, heldPoints: 10 });

    server().clock.advance(31 * DAY_MS);
    const before = await storeDigest(server().store);
    const balance = await api.balance(customerId);
    const list = await gb.GET('/transactions', { params: { query: { customerId } } });
    const count = await gb.GET('/transactions/count', { params: { query: { customerId, status: 'Expired' } } });
    const view = await gb.GET('/transactions/customer-view', { params: { query: { customerId } } });
    const held = await gb.GET('/transactions/hold/{holdReferenceId}', { params: { path: { holdReferenceId: hold.data!.holdReference } } });
    await gb.GET('/customers/{customerId}', { params: { path: { customerId } } });
    await gb.GET('/customers/{customerId}/details', { params: { path: { customerId } } });
    await gb.GET('/customers/{customerId}/hash', { params: { path: { customerId } } });
    expect(await storeDigest(server().store)).toEqual(before);

    // The 100 points expired on day 30; the 40 turned active on day 7 and expire on day 37; the hold lapsed.
    expect(balance).toMatchObject({ totalPointsBalance: 40, availablePointsBalance: 40, pendingPoints: 0, heldPoints: 0, nextExpiringPointsAmount: 40, totalEarnedPoints: 140 });
    expect(Date.parse(balance.nextExpiringPointsDate!) - Date.parse(list.data!.transactions[1]!.transactionTime)).toBeGreaterThanOrEqual(37 * DAY_MS - 60_000);
    expect(held.data?.state).toBe('expired');
    // Not written yet: no Expiry entry, the reward still Pending in the ledger.
    expect(list.data?.transactions.map((t) => [t.type, t.status])).toEqual([['ManualAccumulation', 'Active'], ['PaymentReward', 'Pending']]);
    expect(count.data?.count).toBe(0);
    expect(view.data?.transactions).toHaveLength(2);

    // The test clock writes what is due before it answers; the figures a read showed stay the same.
    await gb.POST('/_reference/clock', { body: { advanceSeconds: 0 } });
    const after = await gb.GET('/transactions', { params: { query: { customerId } } });
    expect(after.data?.transactions.map((t) => [t.type, t.status, t.points])).toEqual([
      ['ManualAccumulation', 'Active', 100], ['PaymentReward', 'Active', 40], ['Expiry', 'Expired', 100],
    ]);
    expect(await api.balance(customerId)).toEqual(balance);
    expect((await storeDigest(server().store)).hash).not.toBe(before.hash);
  });
});
