import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Read } from '../../src/store/sql.js';
import { sql } from '../../src/store/sql.js';
import { climb, freshStorage, startServer, type StorageLocation, type TestServer } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { recordingStore } from '../support/recording-store.js';

type Ran = Read;

/**
 * How SQLite reads ledger_entries in the activities statements, from EXPLAIN QUERY
 * PLAN of the statements the requests really ran, with their parameters. A statement count cannot
 * tell an index search from a table scan; the plan can. A customer's activities must come from
 * the (account_id, customer_id, id) index, never from a scan of the ledger (every customer of
 * every account) nor a walk of the rowid with a filter on customer_pk ('SEARCH ledger_entries'
 * without an index, which is how SQLite runs `max(id) ... WHERE customer_pk = ?`).
 */
describe('activities query plans on sqlite', () => {
  let location: StorageLocation;
  let server: TestServer;
  const ran: Ran[] = [];
  beforeAll(async () => {
    location = await freshStorage('sqlite');
    server = await startServer(location, { sweepEveryMs: null, wrapStore: (store) => recordingStore(store, ran) });
  });
  afterAll(async () => {
    await server.close();
    await location.drop();
  });

  /** The statements `work` ran that read ledger_entries (recording an activity reads the customer's last entry). */
  async function ledgerStatementsOf(work: () => Promise<unknown>): Promise<Ran[]> {
    ran.length = 0;
    await work();
    return ran.filter((r) => /\bledger_entries\b/.test(r.statement.sqlite) && !/^\s*(INSERT INTO|UPDATE) ledger_entries\b/i.test(r.statement.sqlite));
  }

  /** The plan lines of a statement that read ledger_entries (by its name or an alias). */
  async function ledgerAccesses({ statement, params }: Ran): Promise<string[]> {
    const aliases = [...statement.sqlite.matchAll(/\bledger_entries\s+(?:AS\s+)?(\w+)/gi)]
      .map((m) => m[1]!)
      .filter((a) => !/^(WHERE|JOIN|ON|ORDER|GROUP|LIMIT)$/i.test(a));
    const names = ['ledger_entries', ...aliases];
    const plan = await server.store.all<{ detail: string }>(sql(`EXPLAIN QUERY PLAN ${statement.sqlite}`), params);
    const lines = plan.map((row) => row.detail);
    console.log(`plan of ${statement.sqlite.replace(/\s+/g, ' ').slice(0, 90)}...:\n  ${lines.join('\n  ')}`);
    return lines.filter((line) => names.some((name) => new RegExp(`^(SCAN|SEARCH) ${name}\\b`).test(line)));
  }

  const BY_CUSTOMER = /^SEARCH ledger_entries USING (COVERING )?INDEX ledger_entries_customer_id \(account_id=\? AND customer_id=\?/;

  it('records an activity and reads a page or a count through the customer index', async () => {
    const gb = server.as(climb);
    const api = pointsApi(gb);
    // Other customers with entries around, so a scan would have something to read.
    for (let n = 0; n < 3; n++) await api.cashback(await api.customer(), 10);
    const customerId = await api.customer();
    await api.cashback(customerId, 30);
    await api.redeem(customerId, { points: 5 });

    const recording = await ledgerStatementsOf(() => api.cashback(customerId, 120)); // -> Silver: TierUpgraded recorded
    const last = recording.filter((r) => /\bFROM activities\b/.test(r.statement.sqlite));
    expect(last).toHaveLength(1);
    const recordPlan = await ledgerAccesses(last[0]!);
    expect(recordPlan).toHaveLength(1);
    expect(recordPlan[0]).toMatch(BY_CUSTOMER);

    const path = { customerId };
    const reads = [
      () => gb.GET('/customers/{customerId}/activities', { params: { path } }),
      () => gb.GET('/customers/{customerId}/activities', { params: { path, query: { startAfter: 1, limit: 1 } } }),
      () => gb.GET('/customers/{customerId}/activities', { params: { path, query: { activityType: 'PaymentReward', startAfter: 5000 } } }),
      () => gb.GET('/customers/{customerId}/activities', { params: { path, query: { activityType: 'CampaignRewarded' } } }),
      () => gb.GET('/customers/{customerId}/activities/count', { params: { path } }),
      () => gb.GET('/customers/{customerId}/activities/count', { params: { path, query: { activityType: 'Redemption' } } }),
    ];
    for (const read of reads) {
      const statements = await ledgerStatementsOf(read);
      expect(statements).toHaveLength(1);
      const accesses = await ledgerAccesses(statements[0]!);
      expect(accesses.length).toBeGreaterThan(0);
      for (const access of accesses) expect(access).toMatch(BY_CUSTOMER);
    }
    // A page starts where startAfter points: the ledger side searches from that entry on.
    const paged = await ledgerStatementsOf(reads[2]!);
    expect(await ledgerAccesses(paged[0]!)).toEqual([expect.stringMatching(/customer_id=\? AND id>\?\)$/)]);

    // Types only the engine records do not read the ledger at all.
    const upgrades = await ledgerStatementsOf(() => gb.GET('/customers/{customerId}/activities', { params: { path, query: { activityType: 'TierUpgraded' } } }));
    expect(upgrades).toEqual([]);
  });
});
