import { expect, it } from 'vitest';
import { describeOnStorages, noCashback, uid } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';

describeOnStorages('cashback and redemption', (server) => {
  const api = () => pointsApi(server().client());

  it('rewards 3 points per 10 spent, rounded down, with score, for a new customer', async () => {
    const customerId = uid('new');
    const { data, error } = await api().cashback(customerId, 150.75);
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ customerId, rewardEquivalentPoints: 45, rewardAmount: 4.5 });
    const balance = await api().balance(customerId);
    expect(balance).toMatchObject({
      totalPointsBalance: 45,
      availablePointsBalance: 45,
      availablePointsValue: 4.5,
      pendingPoints: 0,
      totalEarnedPoints: 45,
      score: { scoreBalance: 15, scoreName: 'Score' },
      currency: 'USD',
    });
    const [entry] = await api().ledger(customerId);
    expect(entry).toMatchObject({ type: 'PaymentReward', direction: '+', points: 45, amount: 150.75, status: 'Active', pointsBalanceAfter: 45 });
  });

  it('rewards nothing below the threshold and handles awkward amounts exactly', async () => {
    const customerId = await api().customer();
    expect((await api().cashback(customerId, 9.99)).data?.rewardEquivalentPoints).toBe(0);
    expect((await api().cashback(customerId, 0.1 + 0.2 + 9.7)).data?.rewardEquivalentPoints).toBe(3);
    expect((await api().cashback(customerId, 33.335)).data?.rewardEquivalentPoints).toBe(10);
    const big = await api().cashback(customerId, 999999999999.99);
    expect(big.data?.rewardEquivalentPoints).toBe(299999999999);
    const entries = await api().ledger(customerId);
    expect(entries.map((e) => e.amount)).toEqual([9.99, 10, 33.335, 999999999999.99]);
    expectConsistentLedger(entries, (await api().balance(customerId)).totalPointsBalance);
  });

  it('answers 422/6001 where cashback is off, and writes nothing', async () => {
    const gb = server().as(noCashback);
    const customerId = uid('cust');
    await gb.POST('/customers', { body: { customerId } });
    const { error, response } = await pointsApi(gb).cashback(customerId, 100);
    expect(response.status).toBe(422);
    expect(error?.code).toBe(6001);
    expect(await pointsApi(gb).ledger(customerId)).toEqual([]);
  });
});
