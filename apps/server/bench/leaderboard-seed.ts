/**
 * The leaderboard bench's account: 10,000 customers of the demo account with 10 manual rewards
 * each, 100,000 entries spread over the last 90 days (every customer earns in every 9 days), written by two INSERT ... SELECT statements
 * into a database migrated as the previous release left it (up to 0009). The server then
 * starts on it and migrates the rest itself, as it would an existing database. Only the rows
 * the leaderboard reads are written (no wallets or lots): far faster than 100,000 requests.
 */
import { join } from 'node:path';
import { migrations } from '../src/store/migrations/index.js';
import { migrate } from '../src/store/migrator.js';
import { PostgresStore } from '../src/store/postgres-store.js';
import type { Store } from '../src/store/sql.js';
import { SqliteStore } from '../src/store/sqlite-store.js';

export const BOARD_CUSTOMERS = 10_000;
export const ENTRIES_PER_CUSTOMER = 10;
export const SPREAD_DAYS = 90;

export const boardCustomer = (i: number) => `board_customer_${i}`;

/** The ISO 8601 text of `seconds` before `now`, in each dialect. */
const INSTANT = {
  sqlite: (now: number, seconds: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${now / 1000} - ${seconds}, 'unixepoch')`,
  postgres: (now: number, seconds: string) =>
    `to_char(to_timestamp(${now / 1000} - ${seconds}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};

/** Seeds the account into a fresh SQLite folder or PostgreSQL database; answers the entries written. */
export async function seedLeaderboard(where: { dataDir: string; databaseUrl?: string }, now: number): Promise<number> {
  const store: Store = where.databaseUrl ? new PostgresStore(where.databaseUrl) : new SqliteStore(join(where.dataDir, 'gameball.sqlite'));
  try {
    await migrate(store, migrations.filter((migration) => migration.name < '0010'));
    const at = new Date(now).toISOString();
    const entries = BOARD_CUSTOMERS * ENTRIES_PER_CUSTOMER;
    // Entry k of a customer falls in the k-th tenth of the 90 days, at a time that differs by customer.
    const tenth = (SPREAD_DAYS * 86_400) / ENTRIES_PER_CUSTOMER;
    const created = INSTANT[store.dialect](now, `((n.i % ${ENTRIES_PER_CUSTOMER}) * ${tenth} + ((n.i / ${ENTRIES_PER_CUSTOMER}) * 7919) % ${tenth})`);
    await store.transaction(async (tx) => {
      await tx.exec(`
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${BOARD_CUSTOMERS - 1})
        INSERT INTO customers (account_id, customer_id, attributes, referral_code, hash, created_at, updated_at)
        SELECT 'demo', 'board_customer_' || n.i,
               '{"displayName": "Customer ' || n.i || '"' || CASE WHEN n.i % 3 = 0 THEN ', "tags": ["red"]' ELSE '' END || '}',
               'BOARD' || n.i, '000000', '${at}', '${at}'
          FROM n`);
      await tx.exec(`
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${entries - 1})
        INSERT INTO ledger_entries (account_id, customer_pk, customer_id, kind, transaction_id, type, direction, points, amount,
          status, balance_before, balance_after, reason, username, transaction_time, created_at, activated_at, score)
        SELECT 'demo', c.id, c.customer_id, 'manual', 'board_' || n.i, 'ManualReward', '+', 1 + (n.i * 37) % 500, NULL,
               'Active', 0, 0, 'bench', 'bench', ${created}, ${created}, ${created}, 0
          FROM n JOIN customers c ON c.account_id = 'demo' AND c.deleted_at IS NULL AND c.customer_id = 'board_customer_' || (n.i / ${ENTRIES_PER_CUSTOMER})`);
    });
    return entries;
  } finally {
    await store.close();
  }
}
