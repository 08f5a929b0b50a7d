import { expect, it } from 'vitest';
import { describeOnStorages, nowIso, timed, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

const DAY_MS = 86_400_000;

/** POST /transactions/manual as Gameball's reference and the seed describe it: one rewarding criterion, points or amount. */
describeOnStorages('manual transactions', (server) => {
  // demo: a point worth 0.1, points never expire. timed: a point worth 0.05, points expire after 30 days.
  const gb = () => server().client();
  const api = () => pointsApi(gb());

  function manual(customerId: string, body: Record<string, unknown>, client = gb()) {
    return client.POST('/transactions/manual', {
      body: { customerId, transactionId: uid('man'), transactionTime: nowIso(), username: 'admin', reason: 'adjustment', ...body } as never,
    });
  }

  it("answers the points' money value as amount: the seed's 50 points with amount 0 are worth 5", async () => {
    const customerId = await api().customer();
    const { data } = await manual(customerId, { points: 50, amount: 0 });
    expect(data).toMatchObject({ customerId, points: 50, amount: 5 });
    const deduction = await manual(customerId, { points: -20 });
    expect(deduction.data).toMatchObject({ points: -20, amount: -2 });
    const entries = await api().ledger(customerId);
    expect(entries.map((e) => [e.type, e.points, e.amount])).toEqual([
      ['ManualAccumulation', 50, 5],
      ['ManualDeduction', 20, 2],
    ]);
  });

  it('credits by amount alone ($5 at 0.1 is 50 points) and deducts by a negative amount', async () => {
    const customerId = await api().customer();
    const credit = await manual(customerId, { amount: 5 });
    expect([credit.response.status, credit.data]).toMatchObject([200, { points: 50, amount: 5 }]);
    const debit = await manual(customerId, { amount: -1.25 }); // 12.5 points, rounded up when taken
    expect(debit.data).toMatchObject({ points: -13, amount: -1.25 });
    expect((await api().balance(customerId)).totalPointsBalance).toBe(37);
    expect((await api().ledger(customerId)).map((e) => [e.type, e.points])).toEqual([['ManualAccumulation', 50], ['ManualDeduction', 13]]);
  });

  it('takes the time of the request when transactionTime is left out', async () => {
    const customerId = await api().customer();
    const before = Date.now();
    const { data, response } = await gb().POST('/transactions/manual', {
      body: { customerId, transactionId: uid('man'), username: 'admin', reason: 'welcome', points: 10 } as never,
    });
    expect([response.status, data?.points]).toEqual([200, 10]);
    const [entry] = await api().ledger(customerId);
    expect(Date.parse(entry!.transactionTime)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(entry!.transactionTime)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('refuses points and amount together, and neither, with 400 and writes nothing', async () => {
    const customerId = await api().customer();
    const both = await manual(customerId, { points: 50, amount: 5 });
    expect([both.response.status, both.error?.message]).toEqual([400, expect.stringContaining('Only one rewarding method')]);
    for (const body of [{}, { points: 0 }, { amount: 0 }, { points: 0, amount: 0 }]) {
      const none = await manual(customerId, body);
      expect([none.response.status, none.error?.code, none.error?.message], JSON.stringify(body)).toEqual([400, 3000, expect.stringContaining('A rewarding criteria is required')]);
    }
    expect(await api().ledger(customerId)).toHaveLength(0);
  });

  it("honours expiryAfter: the points expire that many days after they are credited, not at the account's default", async () => {
    const timedGb = server().as(timed);
    const timedApi = pointsApi(timedGb);
    const customerId = await timedApi.customer();
    const credited = Date.now();
    expect((await manual(customerId, { points: 100, expiryAfter: 2 }, timedGb)).response.status).toBe(200);
    expect((await manual(customerId, { points: 40, expiryAfter: 0 }, timedGb)).response.status).toBe(200); // 0: the account's 30 days
    expect((await manual(customerId, { points: 60, expiryAfter: null }, timedGb)).response.status).toBe(200);
    const [short, zero, nulled] = await timedApi.ledger(customerId);
    expect(Math.abs(Date.parse(short!.expiryDate!) - (credited + 2 * DAY_MS))).toBeLessThan(60_000);
    for (const entry of [zero!, nulled!]) expect(Math.abs(Date.parse(entry.expiryDate!) - (credited + 30 * DAY_MS))).toBeLessThan(60_000);
    expect(await timedApi.balance(customerId)).toMatchObject({ nextExpiringPointsAmount: 100, nextExpiringPointsDate: short!.expiryDate });
    await timedApi.advance(2 * 86_400 + 60);
    expect(await timedApi.balance(customerId)).toMatchObject({ totalPointsBalance: 100, availablePointsBalance: 100 });
    expect((await timedApi.ledger(customerId)).at(-1)).toMatchObject({ type: 'Expiry', points: 100 });
  });

  it('refuses a negative expiryAfter and an expiryAfter on a deduction with 400, writing nothing', async () => {
    const customerId = await api().customer();
    await manual(customerId, { points: 100 });
    const negative = await manual(customerId, { points: 10, expiryAfter: -1 });
    expect([negative.response.status, negative.error?.message]).toEqual([400, expect.stringContaining('Expiry cannot be negative')]);
    const deduction = await manual(customerId, { points: -10, expiryAfter: 30 });
    expect([deduction.response.status, deduction.error?.message]).toEqual([400, expect.stringContaining('Deduction cannot have expiry')]);
    expect((await api().balance(customerId)).totalPointsBalance).toBe(100);
    expect(await api().ledger(customerId)).toHaveLength(1);
  });
});
