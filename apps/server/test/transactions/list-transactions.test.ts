import { expect, it } from 'vitest';
import { transactionsApi } from './transactions-api.js';
import { describeOnStorages, nowIso, uid } from '../support/harness.js';

describeOnStorages('transactions', (server) => {
  const { newCustomer, manual, ledger } = transactionsApi(server);

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
