import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { countPgRoundTrips } from '../../bench/pg-round-trips.js';
import { statementCountingServer } from '../support/counting-store.js';
import { nowIso, shop, storages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

// Every pg client of this test process (the server runs in it) counts what it sends.
const sent = countPgRoundTrips(pg);

/**
 * What a points-moving request costs the database, on each storage: the statements it runs
 * (the same on both) and, on PostgreSQL, the round trips it waits for (BEGIN and COMMIT
 * included): statements that do not wait on each other are pipelined, so at most three.
 */
describe.each(storages)('statements and round trips per operation on %s', (kind) => {
  const counting = statementCountingServer(kind);

  /** Statements and round trips of one request, which must succeed. */
  const cost = async (work: () => Promise<{ error?: unknown; response: Response }>) => {
    let answer: { error?: unknown; response: Response } | undefined;
    const statements = await counting.statementsOf(async () => {
      sent.roundTrips = 0;
      sent.queries = 0;
      answer = await work();
    });
    expect(answer!.error, `HTTP ${answer!.response.status}`).toBeUndefined();
    return { statements: statements.length, roundTrips: kind === 'postgres' ? sent.roundTrips : 0 };
  };

  it('cashback, redeem, manual and an order: the same statements on both storages, at most 3 round trips on PostgreSQL', async () => {
    const gb = counting.server().client();
    const api = pointsApi(gb);
    const customerId = await api.customer();
    for (let n = 0; n < 3; n++) await api.cashback(customerId, 40);
    const order = (accountClient: typeof gb, id: string) =>
      accountClient.POST('/orders', {
        body: { customerId: id, orderId: uid('ord'), orderDate: nowIso(), totalPaid: 40, lineItems: [{ productId: 'a', price: 20, quantity: 2 }] },
      });
    const figures = {
      cashback: await cost(() => api.cashback(customerId, 25)),
      redeem: await cost(() => api.redeem(customerId, { points: 1 })),
      manual: await cost(() => api.manual(customerId, 5)),
      order: await cost(() => order(gb, customerId)),
      balance: await cost(async () => ({ ...(await gb.GET('/customers/{customerId}/balance', { params: { path: { customerId } } })) })),
    };
    // The statement-count tests' figures (SQLite), now on both storages.
    expect(figures.cashback.statements).toBe(7);
    expect(figures.redeem.statements).toBe(9);
    expect(figures.balance.statements).toBe(1);
    if (kind === 'postgres') {
      expect(figures.cashback.roundTrips).toBeLessThanOrEqual(3);
      expect(figures.redeem.roundTrips).toBeLessThanOrEqual(3);
      expect(figures.manual.roundTrips).toBeLessThanOrEqual(3);
      expect(figures.order.roundTrips).toBeLessThanOrEqual(3);
      expect(figures.balance.roundTrips).toBe(1);
    }
    // On the shop account (tiers, campaigns, referrals live), as the benchmark's orders.
    const shopClient = counting.server().as(shop);
    const shopCustomer = uid('shopper');
    expect((await shopClient.POST('/customers', { body: { customerId: shopCustomer } })).error).toBeUndefined();
    await order(shopClient, shopCustomer);
    // A second order of 40 that reaches no tier and completes no campaign: the campaigns still
    // read the customer's standings, in the round trip of the order's ledger entry.
    const shopOrder = await cost(() => order(shopClient, shopCustomer));
    if (kind === 'postgres') expect(shopOrder.roundTrips).toBeLessThanOrEqual(3);
    console.log(`${kind}: ${JSON.stringify({ ...figures, shopOrder })}`);
  });
});
