import type { Migration } from '../migrator.js';
import { bigint, serialKey } from './types.js';

/** Pending and expiring points, score, holds and one-time passwords. */
export const pointsEconomics: Migration = {
  name: '0002_points_economics',
  async up(q) {
    const id = serialKey(q.dialect);
    const big = bigint(q.dialect);
    if (q.dialect === 'postgres') {
      await q.exec(`
        ALTER TABLE ledger_entries ALTER COLUMN points TYPE bigint;
        ALTER TABLE ledger_entries ALTER COLUMN balance_before TYPE bigint;
        ALTER TABLE ledger_entries ALTER COLUMN balance_after TYPE bigint;
      `);
    }
    await q.exec(`
      ALTER TABLE ledger_entries ADD COLUMN activates_at text;
      ALTER TABLE ledger_entries ADD COLUMN activated_at text;
      ALTER TABLE ledger_entries ADD COLUMN source_entry_id integer;
      ALTER TABLE ledger_entries ADD COLUMN score ${big} DEFAULT 0 NOT NULL;
      ALTER TABLE ledger_entries ADD COLUMN expiry_settled integer DEFAULT 0 NOT NULL;
      CREATE INDEX ledger_entries_due ON ledger_entries (account_id, status, activates_at);
      CREATE INDEX ledger_entries_expiring ON ledger_entries (account_id, expiry_settled, expiry_date);
      CREATE INDEX ledger_entries_source ON ledger_entries (source_entry_id);
      CREATE TABLE holds (
        id ${id},
        account_id text NOT NULL,
        customer_pk integer NOT NULL REFERENCES customers (id),
        customer_id text NOT NULL,
        reference text NOT NULL,
        points ${big} NOT NULL,
        amount text NOT NULL,
        state text NOT NULL,
        expires_at text NOT NULL,
        created_at text NOT NULL,
        closed_at text,
        redemption_entry_id integer
      );
      CREATE UNIQUE INDEX holds_reference ON holds (account_id, reference);
      CREATE INDEX holds_customer ON holds (customer_pk, state);
      CREATE TABLE otps (
        id ${id},
        account_id text NOT NULL,
        customer_pk integer NOT NULL REFERENCES customers (id),
        code text NOT NULL,
        points ${big} NOT NULL,
        expires_at text NOT NULL,
        created_at text NOT NULL,
        used_at text
      );
      CREATE INDEX otps_customer ON otps (customer_pk, id);
    `);
  },
};
