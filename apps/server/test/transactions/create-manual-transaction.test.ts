import { expect, it } from 'vitest';
import { transactionsApi } from './transactions-api.js';
import { describeOnStorages, nowIso, uid, timed } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('transactions', (server) => {
  const { newCustomer, manual, ledger } = transactionsApi(server);

  it('rewards and deducts points by hand, chaining balances before and after', async () => {
    const customerId = await newCustomer();
    const reward = await manual(customerId, 120);
    expect(reward.data).toMatchObject({ customerId, points: 120, amount: 12 }); // the points' money value
    expect(Number(reward.data?.gameballTransactionId)).toBeGreaterThan(0);
    const deduction = await manual(customerId, -45);
    expect(deduction.data).toMatchObject({ points: -45, amount: -4.5 });

    const entries = await ledger(customerId);
    expect(entries.map((e) => [e.type, e.direction, e.points, e.pointsBalanceBefore, e.pointsBalanceAfter])).toEqual([
      ['ManualAccumulation', '+', 120, 0, 120],
      ['ManualDeduction', '-', 45, 120, 75],
    ]);
    expect(entries[0]).toMatchObject({ status: 'Active', amount: 12, reason: 'adjustment', gameballTransactionId: String(reward.data!.gameballTransactionId) });
  });

  it('refuses a deduction larger than the balance with 422/9008 and writes nothing', async () => {
    const customerId = await newCustomer();
    await manual(customerId, 30);
    const { error, response } = await manual(customerId, -31);
    expect(response.status).toBe(422);
    expect(error).toMatchObject({ code: 9008, type: 'TRANSACTIONS_ERROR' });
    expect(await ledger(customerId)).toHaveLength(1);
  });

  it('refuses a reused transactionId with 422/9004 and writes nothing', async () => {
    const customerId = await newCustomer();
    const transactionId = uid('txn');
    expect((await manual(customerId, 10, transactionId)).response.status).toBe(200);
    const again = await manual(customerId, 99, transactionId);
    expect(again.response.status).toBe(422);
    expect(again.error?.code).toBe(9004);
    const entries = await ledger(customerId);
    expect(entries.map((e) => e.points)).toEqual([10]);
  });

  it('lets only one of two racing requests with the same transactionId through', async () => {
    const customerId = await newCustomer();
    const transactionId = uid('txn');
    const results = await Promise.all(Array.from({ length: 6 }, () => manual(customerId, 5, transactionId)));
    expect(results.filter((r) => r.response.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.error?.code === 9004)).toHaveLength(5);
    expect(await ledger(customerId)).toHaveLength(1);
  });

  it('never overdraws when deductions race', async () => {
    const customerId = await newCustomer();
    await manual(customerId, 100);
    const results = await Promise.all(Array.from({ length: 12 }, () => manual(customerId, -10)));
    expect(results.filter((r) => r.response.status === 200)).toHaveLength(10);
    expect(results.filter((r) => r.error?.code === 9008)).toHaveLength(2);
    const entries = await ledger(customerId);
    expect(entries.at(-1)?.pointsBalanceAfter).toBe(0);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.pointsBalanceBefore).toBe(entries[i - 1]!.pointsBalanceAfter);
  });

  it('refuses points for an unknown customer with 404/7000', async () => {
    const { error, response } = await manual(uid('nobody'), 10);
    expect(response.status).toBe(404);
    expect(error?.code).toBe(7000);
  });

  it('refuses a transaction time in the future with 422/9007', async () => {
    const customerId = await newCustomer();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const { error } = await manual(customerId, 10, uid('txn'), { transactionTime: future });
    expect(error?.code).toBe(9007);
    expect(await ledger(customerId)).toHaveLength(0);
  });

  it('refuses zero points (no rewarding criterion) and a missing reason', async () => {
    const customerId = await newCustomer();
    const zero = await manual(customerId, 0);
    expect(zero.response.status).toBe(400);
    expect(zero.error?.code).toBe(3000);
    const noReason = await server().client().POST('/transactions/manual', {
      body: { customerId, transactionId: uid('txn'), transactionTime: nowIso(), username: 'admin', points: 5 } as never,
    });
    expect(noReason.response.status).toBe(400);
    expect(noReason.error?.code).toBe(3000);
  });

});
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
