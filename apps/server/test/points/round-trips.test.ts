import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { countPgRoundTrips } from '../../bench/pg-round-trips.js';
import { statementCountingServer } from '../support/counting-store.js';
import { nowIso, shop, storages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

// Every pg client of this test process (the server runs in it) counts what it sends, and its socket writes.
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
      sent.socketWrites = 0;
      answer = await work();
    });
    expect(answer!.error, `HTTP ${answer!.response.status}`).toBeUndefined();
    const postgres = kind === 'postgres';
    const readsOf = (table: string) => statements.flatMap((text, i) => (/^\s*SELECT\b/.test(text) && new RegExp(`\\b${table}\\b`).test(text) ? [i] : []));
    return {
      statements: statements.length,
      roundTrips: postgres ? sent.roundTrips : 0,
      socketWrites: postgres ? sent.socketWrites : 0,
      /** Where (0-based, in the order sent) the request read `table`. */
      readsOf,
    };
  };

  it('cashback, redeem, manual additions and deductions and an order: the same statements on both storages, at most 2 round trips on PostgreSQL (3 with a tier and a campaign)', async () => {
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
      deduction: await cost(() => api.manual(customerId, -3)),
      order: await cost(() => order(gb, customerId)),
      balance: await cost(async () => ({ ...(await gb.GET('/customers/{customerId}/balance', { params: { path: { customerId } } })) })),
    };
    // The statement-count tests' figures (SQLite), now on both storages; PostgreSQL runs one more,
    // the reservation of ledger ids in the first round trip (ledger-ids.ts).
    const reservation = kind === 'postgres' ? 1 : 0;
    expect(figures.cashback.statements).toBe(7 + reservation);
    expect(figures.redeem.statements).toBe(9 + reservation);
    expect(figures.balance.statements).toBe(1);
    // The redemption's first lots are read right behind the lock and the wallet read (before the
    // transactionId's claim): on PostgreSQL in the lock's round trip.
    expect(figures.redeem.readsOf('lots')).toEqual([2]);
    expect(figures.deduction.readsOf('lots')).toEqual([2]);
    expect(figures.deduction.statements).toBe(figures.redeem.statements - 1); // no new hash for a deduction
    if (kind === 'postgres') {
      // The ledger ids are reserved in the lock's round trip, so an entry's insert waits for nothing.
      expect(figures.cashback.roundTrips).toBeLessThanOrEqual(2);
      expect(figures.redeem.roundTrips).toBeLessThanOrEqual(2);
      expect(figures.manual.roundTrips).toBeLessThanOrEqual(2);
      expect(figures.deduction.roundTrips).toBeLessThanOrEqual(2);
      expect(figures.order.roundTrips).toBeLessThanOrEqual(2);
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
    // Achievements: a review that completes a campaign (its reward entry, progress, notification),
    // then an order of 300 that completes the big-spender campaign and reaches Silver (the tier's
    // claim, reward entry, TierUpgraded activity and notification).
    const review = await cost(() =>
      shopClient.POST('/events', { body: { customerId: shopCustomer, events: { review_submitted: { rating: 5, product_id: 'p1' } } } }),
    );
    const bigOrder = await cost(() =>
      shopClient.POST('/orders', {
        body: { customerId: shopCustomer, orderId: uid('ord'), orderDate: nowIso(), totalPaid: 300, lineItems: [{ productId: 'b', price: 150, quantity: 2 }] },
      }),
    );
    // The standings are read once per request, however many campaigns and rewards follow, and
    // sent right behind the lock and the wallet read (before the transactionId's claim, the
    // 4th statement): on PostgreSQL they share the lock's round trip.
    for (const figure of [shopOrder, review, bigOrder]) expect(figure.readsOf('campaign_progress')).toEqual([2]);
    if (kind === 'postgres') {
      expect(shopOrder.roundTrips).toBeLessThanOrEqual(2);
      expect(review.roundTrips).toBeLessThanOrEqual(2);
      expect(bigOrder.roundTrips).toBeLessThanOrEqual(3);
      // What a round trip sends leaves in one socket write (pg alone writes each statement: 10 for a cashback).
      for (const figure of [...Object.values(figures), shopOrder, review, bigOrder]) expect(figure.socketWrites).toBeLessThanOrEqual(figure.roundTrips + 1);
      expect(figures.cashback.socketWrites).toBeGreaterThan(0); // the socket writes were seen at all
      expect(figures.cashback.socketWrites).toBeLessThanOrEqual(2);
    }
    // What they wrote, the same on both storages: 25 (sign-up) + 40 + 40 + 10 (review) + 300 + 40 (big spender) + 50 (Silver).
    const path = { customerId: shopCustomer };
    const balance = await shopClient.GET('/customers/{customerId}/balance', { params: { path } });
    expect(balance.data?.totalPointsBalance).toBe(505);
    const activities = await shopClient.GET('/customers/{customerId}/activities', { params: { path } });
    const listed = activities.data?.activities ?? [];
    expect(listed.map((a) => a.activityType)).toEqual([
      'CampaignRewarded', 'PaymentReward', 'PaymentReward', 'CampaignRewarded', 'PaymentReward', 'CampaignRewarded', 'TierUpgraded',
    ]);
    const ids = listed.map((a) => a.activityId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // The activity recorded without waiting is numbered right after the tier's reward entry,
    // written (also without waiting) just before it.
    const ledger = await shopClient.GET('/transactions', { params: { query: { customerId: shopCustomer } } });
    const tierReward = ledger.data?.transactions.find((t) => t.achievementType === 'Tier');
    expect(tierReward).toBeDefined();
    expect(ids.at(-1)).toBe(Number(tierReward!.gameballTransactionId) * 1024 + 1);
    console.log(`${kind}: ${JSON.stringify({ ...figures, shopOrder, review, bigOrder })}`);
  });

  it('an order that creates its customer and reaches a tier, and points earned through a merged ID: 3 and 2 round trips', async () => {
    const shopClient = counting.server().as(shop);
    // A first order of 300 from an unknown ID: the customer is created (SignUp reward), the order
    // earns, completes the big-spender campaign and reaches Silver, all in one request.
    const newcomer = uid('newcomer');
    const firstOrder = await cost(() =>
      shopClient.POST('/orders', {
        body: { customerId: newcomer, orderId: uid('ord'), orderDate: nowIso(), totalPaid: 300, lineItems: [{ productId: 'b', price: 150, quantity: 2 }] },
      }),
    );
    // The standings read sent with the lock found nobody; the customer created then has none,
    // and the campaigns after the sign-up one (big spender) took the standings from the unit.
    expect(firstOrder.readsOf('campaign_progress')).toEqual([2]);
    const path = { customerId: newcomer };
    // 25 (sign-up) + 300 + 40 (big spender) + 50 (Silver), each once.
    expect((await shopClient.GET('/customers/{customerId}/balance', { params: { path } })).data?.totalPointsBalance).toBe(415);
    const ledger = (await shopClient.GET('/transactions', { params: { query: { customerId: newcomer } } })).data?.transactions ?? [];
    expect(ledger.map((t) => t.points).sort((a, b) => a - b)).toEqual([25, 40, 50, 300]);
    const activities = (await shopClient.GET('/customers/{customerId}/activities', { params: { path } })).data?.activities ?? [];
    expect(activities.filter((a) => a.activityType === 'TierUpgraded')).toHaveLength(1);

    // Channel merging (shop: by email): a second ID arriving with the same email joins the profile;
    // points earned through that ID later are found by the lock's one statement.
    const email = `${uid('m')}@example.com`;
    const earn = (customerId: string) =>
      shopClient.POST('/transactions/cashback', { body: { customerId, email, transactionId: uid('cb'), transactionTime: nowIso(), amount: 20 } });
    const web = uid('web');
    const app = uid('app');
    expect((await earn(web)).error).toBeUndefined();
    expect((await earn(app)).error).toBeUndefined();
    const throughAlias = await cost(() => earn(app));
    const profile = await shopClient.GET('/customers/{customerId}/balance', { params: { path: { customerId: web } } });
    const viaAlias = await shopClient.GET('/customers/{customerId}/balance', { params: { path: { customerId: app } } });
    expect(viaAlias.data?.totalPointsBalance).toBe(profile.data?.totalPointsBalance);
    expect(profile.data!.totalPointsBalance).toBeGreaterThan(0);
    const listing = await shopClient.GET('/transactions', { params: { query: { customerId: web } } });
    const entries = listing.data?.transactions ?? [];
    // The three earnings (the last through the merged ID) are the profile's, under its own ID.
    const earned = entries.filter((t) => t.transactionId.startsWith('cb_'));
    expect(earned.map((t) => [t.customerId, t.points])).toEqual([[web, 20], [web, 20], [web, 20]]);
    if (kind === 'postgres') {
      expect(firstOrder.roundTrips).toBeLessThanOrEqual(3);
      expect(throughAlias.roundTrips).toBeLessThanOrEqual(2);
      for (const figure of [firstOrder, throughAlias]) expect(figure.socketWrites).toBeLessThanOrEqual(figure.roundTrips + 1);
    }
    console.log(`${kind}: ${JSON.stringify({ firstOrder, throughAlias })}`);
  });
});
