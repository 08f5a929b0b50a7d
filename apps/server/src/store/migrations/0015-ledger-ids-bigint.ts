import type { Migration } from '../migrator.js';

/**
 * Ledger entry ids become 64-bit on PostgreSQL (SQLite integers are 64-bit already). A unit of
 * work reserves a few ids of the sequence ahead of its inserts (domain/points/ledger-ids.ts), so
 * ids run ahead of the entries written; 32 bits would end near 2.1 billion. Every column that
 * holds a ledger entry's id follows. Activity numbers (entry id x 1024) stay exact in a double
 * below 2^43 entries.
 */
export const ledgerIdsBigint: Migration = {
  name: '0015_ledger_ids_bigint',
  async up(q) {
    if (q.dialect !== 'postgres') return;
    await q.exec(`
      ALTER SEQUENCE ledger_entries_id_seq AS bigint;
      ALTER TABLE ledger_entries ALTER COLUMN id TYPE bigint, ALTER COLUMN source_entry_id TYPE bigint;
      ALTER TABLE lots ALTER COLUMN entry_id TYPE bigint;
      ALTER TABLE lot_allocations ALTER COLUMN entry_id TYPE bigint;
      ALTER TABLE holds ALTER COLUMN redemption_entry_id TYPE bigint;
      ALTER TABLE leaderboard_totals ALTER COLUMN last_entry_id TYPE bigint;
      ALTER TABLE coupons ALTER COLUMN entry_id TYPE bigint;
    `);
  },
};
