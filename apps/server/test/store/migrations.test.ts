import { afterAll, describe, expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { customersAndLedger } from '../../src/store/migrations/0001-customers-and-ledger.js';
import { pointsEconomics } from '../../src/store/migrations/0002-points-economics.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { sql } from '../../src/store/sql.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/open-store.js';
import { freshStorage, startServer, storages, timed, type StorageLocation } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { join } from 'node:path';

const MINUTE = 60_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

const ENTRY = sql(
  `INSERT INTO ledger_entries (account_id, customer_pk, customer_id, kind, transaction_id, type, direction, points, amount, status,
     balance_before, balance_after, transaction_time, expiry_date, created_at, activates_at, activated_at, source_entry_id, score)
   VALUES ('timed', 1, 'legacy', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);

/** A database as the release before stored wallets left it: Kysely's migration table, a refund's Cancel of kind refund:cancel. */
async function legacyDatabase(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    await customersAndLedger.up(tx);
    await pointsEconomics.up(tx);
    await tx.exec(`CREATE TABLE kysely_migration (name varchar(255) PRIMARY KEY, timestamp varchar(255) NOT NULL);
      INSERT INTO kysely_migration VALUES ('0001_customers_and_ledger', '2026-01-01'), ('0002_points_economics', '2026-01-01');`);
    const t0 = at(-2 * 24 * 60 * MINUTE);
    await tx.run(sql("INSERT INTO customers (account_id, customer_id, attributes, referral_code, hash, created_at, updated_at) VALUES ('timed', 'legacy', '{}', 'LEGACYCODE0001', '123456', ?, ?)"), [t0, t0]);
    const rows: unknown[][] = [
      ['manual', 'm1', 'ManualAccumulation', '+', 100, null, 'Active', 0, 100, t0, at(28 * 24 * 60 * MINUTE), t0, null, t0, null, 0],
      ['cashback', 'o1', 'PaymentReward', '+', 40, '40', 'Pending', 100, 140, t0, null, at(-47 * 60 * MINUTE), at(5 * 24 * 60 * MINUTE), null, null, 80],
      ['redeem', 'o1', 'Redemption', '-', 30, '1.5', 'Active', 140, 110, t0, null, at(-46 * 60 * MINUTE), null, null, null, 0],
      ['refund', 'r1', 'Refund', '+', 10, '5', 'Active', 110, 120, t0, null, at(-45 * 60 * MINUTE), null, null, 3, 0],
      ['refund:cancel', 'r1', 'Cancel', '-', 5, '5', 'Active', 120, 115, t0, null, at(-45 * 60 * MINUTE), null, null, 2, 10],
    ];
    for (const row of rows) await tx.run(ENTRY, row as never);
    await tx.run(sql("INSERT INTO holds (account_id, customer_pk, customer_id, reference, points, amount, state, expires_at, created_at) VALUES ('timed', 1, 'legacy', 'h-1', 20, '1', 'active', ?, ?)"), [at(60 * MINUTE), t0]);
  });
}

describe.each(storages)('upgrading a database of the previous release on %s', (kind) => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('builds each wallet from its ledger and keeps every transactionId used', async () => {
    const location: StorageLocation = await freshStorage(kind);
    cleanups.push(() => location.drop());
    const legacy = kind === 'postgres' ? new PostgresStore(location.databaseUrl!) : new SqliteStore(join(location.dataDir, 'gameball.sqlite'));
    await legacyDatabase(legacy);
    await legacy.close();

    const server = await startServer(location);
    cleanups.push(() => server.close());
    expect((await verifyAllWallets(server.store)).problems).toEqual([]);
    const api = pointsApi(server.as(timed));
    // 100 - 30 redeemed + 10 refunded stay active; 40 - 5 cancelled stay pending; 20 are held.
    expect(await api.balance('legacy')).toMatchObject({
      totalPointsBalance: 115, availablePointsBalance: 60, pendingPoints: 35, heldPoints: 20, totalEarnedPoints: 135, score: { scoreBalance: 70 },
    });
    expect((await api.refund('legacy', 'o1', undefined, 'r1')).error?.code).toBe(9004);
    expect((await api.manual('legacy', 1, 'm1')).error?.code).toBe(9004);
    const rest = await api.refund('legacy', 'o1');
    expect(rest.response.status).toBe(200);
    expect((await verifyAllWallets(server.store)).problems).toEqual([]);
    const kinds = await server.store.all<{ kind: string }>(sql("SELECT DISTINCT kind FROM ledger_entries WHERE transaction_id = 'r1'"));
    expect(kinds).toEqual([{ kind: 'refund' }]);
  });
});
