import { expect, it } from 'vitest';
import type { Account } from '../../src/accounts.js';
import { windowBound } from '../../src/domain/leaderboard/leaderboard-window.js';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { verifyTotals } from '../../src/domain/points/verify-totals.js';
import { buildLeaderboardTotals } from '../../src/store/migrations/0010-leaderboard-totals.js';
import { sql } from '../../src/store/sql.js';
import { describeOnStorages, scored, shop, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { seededRandom } from '../support/random.js';

interface Query {
  from?: string;
  to?: string;
  customerId?: string;
  customerTag?: string;
  rewardCampaignId?: number;
  rewardCampaignTag?: string;
  limit?: number;
}

interface Entry {
  id: number;
  customer_pk: number;
  type: string;
  direction: string;
  points: number;
  score: number;
  created_at: string;
  achieved_reward_campaign_id: number | null;
}

interface Customer {
  id: number;
  customer_id: string;
  attributes: string;
  deleted_at: string | null;
}

const ENTRIES = sql(
  'SELECT id, customer_pk, type, direction, points, score, created_at, achieved_reward_campaign_id FROM ledger_entries WHERE account_id = ?',
);
const CUSTOMERS = sql('SELECT id, customer_id, attributes, deleted_at FROM customers WHERE account_id = ?');
const EARNED = new Set(['PaymentReward', 'AchievementReward', 'ManualAccumulation', 'ManualReward', 'Migration', 'Cancel']);

/** The leaderboard recomputed the plain way: every entry of the account, summed in JavaScript. */
function recomputed(account: Account, entries: Entry[], customers: Customer[], query: Query) {
  const from = windowBound(query.from, 'from');
  const to = windowBound(query.to, 'to');
  let campaigns: number[] | null = query.rewardCampaignId === undefined ? null : [query.rewardCampaignId];
  if (query.rewardCampaignTag !== undefined) {
    const tagged = account.program.campaigns.filter((c) => c.availability.tags.includes(query.rewardCampaignTag!)).map((c) => c.id);
    campaigns = campaigns === null ? tagged : campaigns.filter((id) => tagged.includes(id));
  }
  const byScore = account.program.tiers.method === 'score';
  const sums = new Map<number, { progress: number; reached: number }>();
  for (const e of entries) {
    if (!EARNED.has(e.type) || e.created_at < from || e.created_at >= to) continue;
    if (campaigns !== null && !campaigns.includes(Number(e.achieved_reward_campaign_id))) continue;
    const value = Number(byScore ? e.score : e.points);
    const sum = sums.get(Number(e.customer_pk)) ?? { progress: 0, reached: 0 };
    sums.set(Number(e.customer_pk), { progress: sum.progress + (e.direction === '+' ? value : -value), reached: Math.max(sum.reached, Number(e.id)) });
  }
  const byPk = new Map(customers.map((c) => [Number(c.id), c]));
  const ranked = [...sums]
    .map(([pk, sum]) => ({ customer: byPk.get(pk)!, ...sum }))
    .filter(({ customer, progress }) => progress > 0 && customer.deleted_at === null)
    .filter(({ customer }) => query.customerTag === undefined || ((JSON.parse(customer.attributes) as { tags?: string[] }).tags ?? []).includes(query.customerTag))
    .sort((a, b) => b.progress - a.progress || a.reached - b.reached);
  const mine = ranked.findIndex((r) => r.customer.customer_id === query.customerId);
  return {
    leaderboard: ranked.slice(0, query.limit ?? 50).map((r, i) => [r.customer.customer_id, r.progress, i + 1]),
    customerRank: mine < 0 ? undefined : mine + 1, // left out when the customer is not ranked
    customersCount: ranked.length,
  };
}

const pick = <T,>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
const HOUR = 3_600_000;

/** An instant near `iso`: itself, a millisecond either side, or the hour, day or month it starts in. */
function near(rnd: () => number, iso: string): string {
  const t = Date.parse(iso);
  const d = new Date(t);
  const options = [t, t + 1, t - 1, t - (t % HOUR), Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()), Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)];
  const at = new Date(pick(rnd, options)).toISOString();
  // Written to the millisecond, or as the documented minute, or as a date.
  return pick(rnd, [at, at, at.slice(0, 16).replace('T', ' '), at.slice(0, 10)]);
}

describeOnStorages('leaderboard against a plain recomputation', (server) => {
  it('answers exactly what summing the whole ledger answers, for random ledgers, windows and filters', { timeout: 120_000 }, async () => {
    const rnd = seededRandom(20261205);
    const accounts = [shop, scored];
    const people = new Map<Account, string[]>(accounts.map((a) => [a, []]));
    const payments: Array<[Account, string, string]> = [];
    const tags = ['red', 'blue'];
    const advances = [0, 1, 59, 7 * 60, 3600, 5 * 3600, 86_400, 3 * 86_400, 31 * 86_400];
    for (let step = 0; step < 220; step++) {
      const account = pick(rnd, accounts);
      const gb = server().as(account);
      const api = pointsApi(gb);
      const list = people.get(account)!;
      const roll = rnd();
      if (list.length < 4 || roll < 0.1) {
        const customerId = uid('eq');
        const attributes = { displayName: customerId, tags: tags.filter(() => rnd() < 0.5) };
        expect((await gb.POST('/customers', { body: { customerId, customerAttributes: attributes } })).response.status).toBe(200);
        list.push(customerId);
        continue;
      }
      const customerId = pick(rnd, list);
      if (roll < 0.35) await api.manual(customerId, pick(rnd, [5, 10, 10, 40, 150]));
      else if (roll < 0.55) {
        const payment = uid('pay');
        await api.cashback(customerId, pick(rnd, [20, 50, 120]), payment);
        payments.push([account, customerId, payment]);
      } else if (roll < 0.62 && payments.length > 0) {
        const [owner, payer, payment] = pick(rnd, payments);
        await pointsApi(server().as(owner)).refund(payer, payment, 10);
      } else if (roll < 0.67) await api.redeem(customerId, { points: 1 });
      else if (roll < 0.8 && account === shop) {
        const events: Record<string, Record<string, number | string>> =
          rnd() < 0.5 ? { review_submitted: { rating: 5 } } : { product_viewed: { category: `c${Math.floor(rnd() * 4)}` } };
        await gb.POST('/events', { body: { customerId, events } });
      } else if (roll < 0.83) {
        await gb.DELETE('/customers/{customerId}', { params: { path: { customerId } } });
        if (rnd() < 0.5) list.splice(list.indexOf(customerId), 1); // else a new profile takes the ID later
      } else if (roll < 0.87) {
        await gb.POST('/customers', { body: { customerId, customerAttributes: { tags: tags.filter(() => rnd() < 0.5) } } });
      } else await api.advance(pick(rnd, advances));
    }

    let compared = 0;
    for (const account of accounts) {
      const entries = await server().store.all<Entry>(ENTRIES, [account.id]);
      const customers = await server().store.all<Customer>(CUSTOMERS, [account.id]);
      const instants = entries.map((e) => e.created_at);
      const ids = customers.map((c) => c.customer_id);
      for (let n = 0; n < 150; n++) {
        const query: Query = {};
        if (rnd() < 0.7) query.from = near(rnd, pick(rnd, instants));
        if (rnd() < 0.7) query.to = near(rnd, pick(rnd, instants));
        if (query.from !== undefined && query.to !== undefined && windowBound(query.from, 'from') >= windowBound(query.to, 'to')) delete query.from;
        if (rnd() < 0.4) query.customerTag = pick(rnd, tags);
        if (account === shop && rnd() < 0.3) query.rewardCampaignId = pick(rnd, [101, 102, 151, 103]);
        if (account === shop && rnd() < 0.1) query.rewardCampaignTag = 'vip';
        if (rnd() < 0.5) query.limit = 1 + Math.floor(rnd() * 4);
        if (rnd() < 0.6) query.customerId = pick(rnd, ids);
        const { data, error } = await server().client({ apiKey: account.apiKey }).GET('/leaderboard', { params: { query } });
        expect(error, JSON.stringify(query)).toBeUndefined();
        const answered = { ...data!, leaderboard: data!.leaderboard.map((r) => [r.customerId, r.progress, r.rank]) };
        expect(answered, JSON.stringify(query)).toEqual(recomputed(account, entries, customers, query));
        compared++;
      }
    }
    expect(compared).toBe(300);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
    // The migration's sums of an existing ledger are the totals the unit of work kept.
    await server().store.transaction(async (tx) => {
      await tx.run(sql('DELETE FROM leaderboard_totals'));
      await buildLeaderboardTotals(tx);
      expect(await verifyTotals(tx)).toEqual([]);
    });
  });
});
