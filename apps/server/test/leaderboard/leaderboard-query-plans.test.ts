import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Read } from '../../src/store/sql.js';
import { freshStorage, scored, shop, startServer, uid, type StorageLocation, type TestServer } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { recordingStore } from '../support/recording-store.js';

type Query = { from?: string; to?: string; customerId?: string; customerTag?: string; rewardCampaignId?: number; rewardCampaignTag?: string; limit?: number };

/** The tables a leaderboard read may touch, by name or by the aliases its statements give them. */
const TABLES = /^(SCAN|SEARCH) (ledger_entries|leaderboard_totals|customers|e|t|c)\b/;
const LEDGER = /^SEARCH ledger_entries USING INDEX ledger_entries_created \(account_id=\? AND created_at>\? AND created_at<\?\)$/;
const TOTALS = /^SEARCH (leaderboard_totals|t) USING (PRIMARY KEY|COVERING INDEX leaderboard_totals_by_(points|score)) \(account_id=\? AND campaign_id=\?/;
const CUSTOMER = /^SEARCH (customers|c) USING (INTEGER PRIMARY KEY \(rowid=\?\)|INDEX customers_live_customer_id \(account_id=\? AND customer_id=\?\)|(COVERING )?INDEX customers_deleted \(account_id=\?\))$/;

/**
 * How GET /leaderboard reads, from the statements its requests really ran and SQLite's EXPLAIN
 * QUERY PLAN of them with their parameters: a fixed number of statements whatever the ledger
 * holds; every table reached through an index (the running totals, the ledger only by time at a
 * window's edges, customers by key, the deleted ones by a partial index), never a scan; the all-time top straight from the index on
 * progress, with no sort.
 */
describe('leaderboard query plans on sqlite', () => {
  let location: StorageLocation;
  let server: TestServer;
  const ran: Read[] = [];
  beforeAll(async () => {
    location = await freshStorage('sqlite');
    server = await startServer(location, { sweepEveryMs: null, wrapStore: (store) => recordingStore(store, ran) });
  });
  afterAll(async () => {
    await server.close();
    await location.drop();
  });

  async function statementsOf(account: { apiKey: string }, query: Query): Promise<Read[]> {
    ran.length = 0;
    const { error } = await server.client({ apiKey: account.apiKey }).GET('/leaderboard', { params: { query } });
    expect(error).toBeUndefined();
    return [...ran];
  }

  async function plan({ statement, params }: Read): Promise<string[]> {
    return (await server.store.all<{ detail: string }>(sql(`EXPLAIN QUERY PLAN ${statement.sqlite}`), params)).map((row) => row.detail);
  }

  /** Some history over three months, so that a scan would have rows of every kind to read. */
  async function history(customers: number): Promise<string[]> {
    const ids: string[] = [];
    for (const account of [shop, scored]) {
      const gb = server.as(account);
      const api = pointsApi(gb);
      for (let n = 0; n < customers; n++) {
        const customerId = uid('plan');
        await gb.POST('/customers', { body: { customerId, customerAttributes: { tags: n % 2 ? ['red'] : [] } } });
        await api.cashback(customerId, 40 + n);
        await api.manual(customerId, 5 * n + 1);
        if (account === shop) await gb.POST('/events', { body: { customerId, events: { review_submitted: { rating: 5 } } } });
        ids.push(customerId);
      }
    }
    await pointsApi(server.as(shop)).advance(13 * 86_400 + 3_700);
    return ids;
  }

  const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

  it('runs a fixed number of statements that search indexes, however long the ledger', async () => {
    const [someone] = await history(5);
    const now = Date.parse((await pointsApi(server.as(shop)).advance(0)).data!.now);
    const hour = (ms: number) => ms - (ms % 3_600_000);
    const queries: Array<[string, { apiKey: string }, Query, number]> = [
      ['all time', shop, {}, 2],
      ['all time with a rank', shop, { customerId: someone! }, 2],
      ['all time of a tag', shop, { customerTag: 'red', limit: 3 }, 2],
      ['all time of one campaign', shop, { rewardCampaignId: 102 }, 2],
      ['all time by score', scored, { customerId: someone! }, 2],
      ['all time of the campaigns of a tag', shop, { rewardCampaignTag: 'vip' }, 2],
      // From 7 minutes past an hour to 30 minutes past another: both edges within an hour.
      ['minute edges', shop, { from: minute(hour(now - 20 * 86_400_000) + 7 * 60_000), to: minute(hour(now - 3_600_000) + 29 * 60_000), customerId: someone! }, 1],
      ['whole days', shop, { from: '2020-01-01', to: minute(now).slice(0, 10) }, 1],
      ['from only', shop, { from: minute(now - 86_400_000), customerTag: 'red' }, 1],
      ['to only', scored, { to: minute(now - 5 * 86_400_000) }, 1],
      ['inside an hour', shop, { from: minute(now - 50 * 60_000), to: minute(now - 20 * 60_000) }, 1],
    ];
    const figures = async () => {
      const found: Record<string, { statements: number; accesses: string[] }> = {};
      for (const [name, account, query] of queries) {
        const statements = await statementsOf(account, query);
        const accesses: string[] = [];
        for (const statement of statements) {
          const lines = await plan(statement);
          accesses.push(...lines.filter((line) => TABLES.test(line)));
          const ordered = /ORDER BY t\.(points|score) DESC/.test(statement.statement.sqlite);
          if (ordered) expect(lines, `${name}: the top comes in index order`).not.toContain('USE TEMP B-TREE FOR ORDER BY');
        }
        found[name] = { statements: statements.length, accesses };
      }
      return found;
    };
    const few = await figures();
    for (const [name, , , expected] of queries) {
      const { statements, accesses } = few[name]!;
      expect(statements, name).toBe(expected);
      expect(accesses.length, name).toBeGreaterThan(0);
      for (const access of accesses) expect(access, name).toMatch(new RegExp(`${LEDGER.source}|${TOTALS.source}|${CUSTOMER.source}`));
      // The whole ledger is never read: all-time boards not at all, windows only at their edges.
      if (name.startsWith('all time')) expect(accesses.filter((a) => LEDGER.test(a)), name).toEqual([]);
    }
    expect(few['minute edges']!.accesses.filter((a) => LEDGER.test(a))).toHaveLength(2);
    // Ten times the history: the same statements, read the same way.
    await history(50);
    expect(await figures()).toEqual(few);
  });
});
