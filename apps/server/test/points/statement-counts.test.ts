import { describe, expect, it } from 'vitest';
import { statementCountingServer } from '../support/counting-store.js';
import { nowIso, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

/**
 * How many SQL statements each operation runs (besides BEGIN and COMMIT), and that the number
 * does not grow with the customer's history. Counted on SQLite; PostgreSQL runs the same ones.
 */
describe('statements per operation', () => {
  const counting = statementCountingServer();
  const count = counting.count;

  it('stays the same for a customer with 10 entries and one with 1,000', async () => {
    const gb = counting.server().client();
    const api = pointsApi(gb);
    const figures = async (customerId: string) => ({
      cashback: await count(() => api.cashback(customerId, 25)),
      redeem: await count(() => api.redeem(customerId, { points: 1 })), // one point: from exactly one lot
      balance: await count(() => api.balance(customerId)),
      list: await count(() => gb.GET('/transactions', { params: { query: { customerId } } })),
      manual: await count(() => api.manual(customerId, 5)),
    });
    const small = await api.customer();
    const large = await api.customer();
    for (let n = 0; n < 5; n++) await api.cashback(small, 40);
    for (let n = 0; n < 500; n++) await api.cashback(large, 40);
    for (let n = 0; n < 5; n++) await api.redeem(small, { points: 2 });
    for (let n = 0; n < 500; n++) await api.redeem(large, { points: 2 });
    const few = await figures(small);
    const many = await figures(large);
    expect(many).toEqual(few);
    // lock, claim the transactionId, read the wallet, the entry, its leaderboard totals, its lot, save the wallet
    expect(few.cashback).toBe(7);
    // the same, but the lots to spend from, then per lot taken: the lot and an allocation; and the new hash
    expect(few.redeem).toBe(9);
    expect(few.balance).toBe(1);
    expect(few.list).toBe(1);
    const created = await count(() => gb.POST('/customers', { body: { customerId: uid('new') } }));
    expect(created).toBe(1);
    const newCustomerCashback = await count(() => api.cashback(uid('new'), 25));
    expect(newCustomerCashback).toBeLessThanOrEqual(9);
    console.log(`statements per operation: ${JSON.stringify({ ...few, createCustomer: created, cashbackNewCustomer: newCustomerCashback })} (${nowIso()})`);
  });
});
