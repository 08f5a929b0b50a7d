import { expect, it } from 'vitest';
import { describeOnStorages, nowIso, uid } from '../support/harness.js';

describeOnStorages('transactions', (server) => {

  async function newCustomer(): Promise<string> {
    const customerId = uid('cust');
    const { error } = await server().client().POST('/customers', { body: { customerId } });
    expect(error).toBeUndefined();
    return customerId;
  }

  function manual(customerId: string, points: number, transactionId = uid('txn'), extra: Record<string, unknown> = {}) {
    return server().client().POST('/transactions/manual', {
      body: { customerId, transactionId, transactionTime: nowIso(), username: 'admin', reason: 'adjustment', points, ...extra },
    });
  }

  async function ledger(customerId: string) {
    const { data, error } = await server().client().GET('/transactions', { params: { query: { customerId, limit: 200 } } });
    expect(error).toBeUndefined();
    return data!.transactions;
  }

  it('rewards and deducts points by hand, chaining balances before and after', async () => {
    const customerId = await newCustomer();
    const reward = await manual(customerId, 120);
    expect(reward.data).toMatchObject({ customerId, points: 120, amount: 12 }); // the points' money value
    expect(reward.data?.gameballTransactionId).toBeGreaterThan(0);
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

  it('pages with startAfter and limit, filters, and counts', async () => {
    const customerId = await newCustomer();
    await manual(customerId, 50);
    await manual(customerId, 20);
    await manual(customerId, -5);
    const gb = server().client();
    const first = await gb.GET('/transactions', { params: { query: { customerId, limit: 2 } } });
    expect(first.data).toMatchObject({ count: 2, hasMore: true });
    const last = first.data!.transactions.at(-1)!.gameballTransactionId;
    const second = await gb.GET('/transactions', { params: { query: { customerId, limit: 2, startAfter: Number(last) } } });
    expect(second.data).toMatchObject({ count: 1, hasMore: false });
    expect(second.data!.transactions[0]!.points).toBe(5);

    const plus = await gb.GET('/transactions', { params: { query: { customerId, direction: '+' } } });
    expect(plus.data!.transactions.map((t) => t.points)).toEqual([50, 20]);
    const minus = await gb.GET('/transactions/count', { params: { query: { customerId, direction: '-' } } });
    expect(minus.data).toEqual({ count: 1 });
    const active = await gb.GET('/transactions/count', { params: { query: { customerId, status: 'Active' } } });
    expect(active.data).toEqual({ count: 3 });
    const expired = await gb.GET('/transactions/count', { params: { query: { customerId, status: 'Expired' } } });
    expect(expired.data).toEqual({ count: 0 });
  });

  it('accepts direction=+ sent without URL encoding', async () => {
    const customerId = await newCustomer();
    await manual(customerId, 7);
    const response = await fetch(`${server().baseUrl}/transactions?direction=+&customerId=${customerId}`, {
      headers: { apikey: 'demo_apikey', secretkey: 'demo_secretkey' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { transactions: Array<{ points: number }> };
    expect(body.transactions.map((t) => t.points)).toEqual([7]);
  });

  it('refuses out-of-range numbers with 422/3003 instead of failing in the database', async () => {
    const gb = server().client();
    const customerId = await newCustomer();
    expect((await gb.GET('/transactions', { params: { query: { startAfter: 2147483647 } } })).data?.transactions).toEqual([]);
    expect((await gb.GET('/transactions', { params: { query: { startAfter: 2147483648 } } })).error?.code).toBe(3003);
    expect((await manual(customerId, 1e13)).error?.code).toBe(3003);
    expect((await manual(customerId, 1e12)).response.status).toBe(200);
    expect((await gb.POST('/transactions/redeem', { body: { customerId, transactionId: uid('r'), transactionTime: nowIso(), points: 1e21 } })).error?.code).toBe(3003);
    expect(await ledger(customerId)).toHaveLength(1);
  });

  it('refuses a limit outside 1..200 with 422/3003', async () => {
    const gb = server().client();
    for (const limit of [0, 201, -1]) {
      const { error, response } = await gb.GET('/transactions', { params: { query: { limit } } });
      expect(response.status).toBe(422);
      expect(error).toMatchObject({ code: 3003, type: 'PAYLOAD_ERROR' });
    }
  });
});
