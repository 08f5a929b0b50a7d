import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';

describeOnStorages('cashback and redemption', (server) => {
  const api = () => pointsApi(server().client());

  it('redeems by amount (points rounded up), by points, and reports the money value', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 500);
    const byAmount = await api().redeem(customerId, { amount: 10.05, points: 0, holdReference: null });
    expect(byAmount.data).toMatchObject({ redeemAmount: 10.05, redeemEquivalentPoints: 101 });
    const byPoints = await api().redeem(customerId, { points: 99 });
    expect(byPoints.data).toMatchObject({ redeemAmount: 9.9, redeemEquivalentPoints: 99 });
    const balance = await api().balance(customerId);
    expect(balance).toMatchObject({ totalPointsBalance: 300, availablePointsBalance: 300, availablePointsValue: 30 });
    const entries = await api().ledger(customerId);
    expect(entries.slice(1).map((e) => [e.type, e.direction, e.points, e.amount])).toEqual([
      ['Redemption', '-', 101, 10.05],
      ['Redemption', '-', 99, 9.9],
    ]);
    expectConsistentLedger(entries, balance.totalPointsBalance);
  });

  it('asks for exactly one of amount, points and holdReference', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 100);
    const none = await api().redeem(customerId, { amount: 0, points: null });
    expect(none.response.status).toBe(400);
    expect(none.error?.code).toBe(3000);
    const two = await api().redeem(customerId, { amount: 1, points: 10 });
    expect(two.response.status).toBe(422);
    expect(two.error?.code).toBe(3003);
    expect(await api().ledger(customerId)).toHaveLength(1);
  });

  it('refuses to redeem more than the available points with 422/9008, writing nothing', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 50);
    const { error } = await api().redeem(customerId, { points: 51 });
    expect(error).toMatchObject({ code: 9008, type: 'TRANSACTIONS_ERROR' });
    expect((await api().balance(customerId)).totalPointsBalance).toBe(50);
    expect(await api().ledger(customerId)).toHaveLength(1);
  });

  it('answers 404/7000 when redeeming for an unknown customer', async () => {
    const { error } = await api().redeem(uid('ghost'), { points: 1 });
    expect(error?.code).toBe(7000);
  });

  it('lets one transactionId through once per kind, also when requests race', async () => {
    const customerId = await api().customer();
    const transactionId = uid('dup');
    const results = await Promise.all(Array.from({ length: 5 }, () => api().cashback(customerId, 100, transactionId)));
    expect(results.filter((r) => r.response.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.error?.code === 9004)).toHaveLength(4);
    // The same business ID may name a redemption too (an order paid partly with points).
    expect((await api().redeem(customerId, { points: 10 }, transactionId)).response.status).toBe(200);
    expect((await api().redeem(customerId, { points: 10 }, transactionId)).error?.code).toBe(9004);
    const entries = await api().ledger(customerId);
    expect(entries.map((e) => e.type)).toEqual(['PaymentReward', 'Redemption']);
  });

  it('never overdraws when redemptions race', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 100);
    const results = await Promise.all(Array.from({ length: 15 }, () => api().redeem(customerId, { points: 10 })));
    expect(results.filter((r) => r.response.status === 200)).toHaveLength(10);
    expect(results.filter((r) => r.error?.code === 9008)).toHaveLength(5);
    const balance = await api().balance(customerId);
    expect(balance.availablePointsBalance).toBe(0);
    expectConsistentLedger(await api().ledger(customerId), balance.totalPointsBalance);
  });
});
