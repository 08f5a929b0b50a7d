import { NEVER } from '../../domain/points/entry-types.js';
import { expectedWallet, type LedgerFacts } from '../../domain/points/expected-wallet.js';
import type { Migration } from '../migrator.js';
import { sql, type Queryable } from '../sql.js';
import { bigint, serialKey } from './types.js';

/**
 * Stored wallets: one row per customer with its figures, its lots (earned points with what is
 * left of them and when they expire) and which lots each deduction took points from. The ledger
 * writes them in the same transaction as each entry, so no request replays a whole history.
 * A transactionId is now recorded once per (account, kind) in its own table, so one operation
 * may write several entries. Existing customers get their wallets from a replay of their ledger.
 */
export const materializedWallets: Migration = {
  name: '0003_materialized_wallets',
  async up(q) {
    const id = serialKey(q.dialect);
    const big = bigint(q.dialect);
    await q.exec(`
      CREATE TABLE wallets (
        customer_pk integer PRIMARY KEY REFERENCES customers (id),
        account_id text NOT NULL,
        balance ${big} DEFAULT 0 NOT NULL,
        active ${big} DEFAULT 0 NOT NULL,
        pending ${big} DEFAULT 0 NOT NULL,
        debt ${big} DEFAULT 0 NOT NULL,
        held ${big} DEFAULT 0 NOT NULL,
        score ${big} DEFAULT 0 NOT NULL,
        earned ${big} DEFAULT 0 NOT NULL,
        next_due_at text
      );
      CREATE INDEX wallets_due ON wallets (next_due_at) WHERE next_due_at IS NOT NULL;
      CREATE TABLE lots (
        id ${id},
        customer_pk integer NOT NULL REFERENCES customers (id),
        entry_id integer NOT NULL REFERENCES ledger_entries (id),
        remaining ${big} NOT NULL,
        activates_at text,
        activated_at text,
        expires_at text NOT NULL
      );
      CREATE UNIQUE INDEX lots_entry ON lots (entry_id);
      CREATE INDEX lots_spendable ON lots (customer_pk, expires_at, entry_id) WHERE remaining > 0;
      CREATE INDEX lots_pending ON lots (customer_pk, activates_at) WHERE activated_at IS NULL;
      CREATE TABLE lot_allocations (
        id ${id},
        entry_id integer NOT NULL REFERENCES ledger_entries (id),
        lot_id integer NOT NULL REFERENCES lots (id),
        points ${big} NOT NULL
      );
      CREATE INDEX lot_allocations_entry ON lot_allocations (entry_id, id);
      CREATE TABLE used_transaction_ids (
        account_id text NOT NULL,
        kind text NOT NULL,
        transaction_id text NOT NULL,
        created_at text NOT NULL,
        PRIMARY KEY (account_id, kind, transaction_id)
      );
      -- A refund's Cancel entry had a kind of its own only to get past this index.
      DROP INDEX ledger_entries_transaction_id;
      UPDATE ledger_entries SET kind = 'refund' WHERE kind = 'refund:cancel';
      INSERT INTO used_transaction_ids (account_id, kind, transaction_id, created_at)
        SELECT account_id, kind, transaction_id, min(created_at) FROM ledger_entries
        WHERE kind <> 'expiry' GROUP BY account_id, kind, transaction_id;
      DROP INDEX ledger_entries_due;
      DROP INDEX ledger_entries_expiring;
      ALTER TABLE ledger_entries DROP COLUMN expiry_settled;
      CREATE INDEX ledger_entries_transaction ON ledger_entries (account_id, transaction_id);
      CREATE INDEX ledger_entries_customer_id ON ledger_entries (account_id, customer_id, id);
      CREATE INDEX holds_due ON holds (customer_pk, state, expires_at);
    `);
    for (const { id: customerPk, account_id } of await q.all<{ id: number; account_id: string }>(CUSTOMERS)) {
      await buildWallet(q, customerPk, account_id);
    }
    // No request reads a whole ledger by customer any more: one index less to keep up with each
    // entry. Few entries have a source, so that index keeps only those.
    await q.exec(`
      DROP INDEX ledger_entries_customer;
      DROP INDEX ledger_entries_source;
      CREATE INDEX ledger_entries_source ON ledger_entries (source_entry_id) WHERE source_entry_id IS NOT NULL;
    `);
  },
};

const CUSTOMERS = sql('SELECT id, account_id FROM customers ORDER BY id');
const ENTRIES = sql(
  `SELECT id, type, direction, points, status, score, created_at, activates_at, activated_at, expiry_date, source_entry_id
   FROM ledger_entries WHERE customer_pk = ? ORDER BY id`,
);
const OPEN_HOLDS = sql(`SELECT points, expires_at FROM holds WHERE customer_pk = ? AND state = 'active'`);
const INSERT_WALLET = sql(
  `INSERT INTO wallets (customer_pk, account_id, balance, active, pending, debt, held, score, earned, next_due_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const INSERT_LOT = sql(
  'INSERT INTO lots (customer_pk, entry_id, remaining, activates_at, activated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
);
const INSERT_ALLOCATION = sql('INSERT INTO lot_allocations (entry_id, lot_id, points) VALUES (?, ?, ?)');

async function buildWallet(q: Queryable, customerPk: number, accountId: string): Promise<void> {
  const rows = await q.all<LedgerFacts>(ENTRIES, [customerPk]);
  const holds = await q.all<{ points: number; expires_at: string }>(OPEN_HOLDS, [customerPk]);
  const wallet = expectedWallet(rows, holds);
  const lotIds = new Map<number, number>();
  for (const lot of wallet.lots) {
    const values = [customerPk, lot.entryId, lot.remaining, lot.activatesAt, lot.activatedAt, lot.expiresAt ?? NEVER];
    lotIds.set(lot.entryId, (await q.get<{ id: number }>(INSERT_LOT, values))!.id);
  }
  for (const part of wallet.allocations) await q.run(INSERT_ALLOCATION, [part.entryId, lotIds.get(part.lotEntryId)!, part.points]);
  const { balance, active, pending, debt, held, score, earned, nextDue } = wallet;
  await q.run(INSERT_WALLET, [customerPk, accountId, balance, active, pending, debt, held, score, earned, nextDue]);
}
