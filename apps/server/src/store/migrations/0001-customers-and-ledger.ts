import type { Migration } from '../migrator.js';
import { serialKey } from './types.js';

/** Customers and their points ledger. */
export const customersAndLedger: Migration = {
  name: '0001_customers_and_ledger',
  async up(q) {
    const id = serialKey(q.dialect);
    await q.exec(`
      CREATE TABLE customers (
        id ${id},
        account_id text NOT NULL,
        customer_id text NOT NULL,
        email text,
        mobile text,
        attributes text NOT NULL,
        referral_code text NOT NULL,
        referrer_code text,
        is_guest integer DEFAULT 0 NOT NULL,
        hash text NOT NULL,
        created_at text NOT NULL,
        updated_at text NOT NULL,
        deleted_at text
      );
      -- One live profile per customerId; deleted profiles keep their rows for the ledger.
      CREATE UNIQUE INDEX customers_live_customer_id ON customers (account_id, customer_id) WHERE deleted_at IS NULL;
      CREATE UNIQUE INDEX customers_referral_code ON customers (account_id, referral_code);
      CREATE TABLE ledger_entries (
        id ${id},
        account_id text NOT NULL,
        customer_pk integer NOT NULL REFERENCES customers (id),
        customer_id text NOT NULL,
        kind text NOT NULL,
        transaction_id text NOT NULL,
        type text NOT NULL,
        direction text NOT NULL,
        points integer NOT NULL,
        amount text,
        status text NOT NULL,
        balance_before integer NOT NULL,
        balance_after integer NOT NULL,
        reason text,
        username text,
        transaction_time text NOT NULL,
        expiry_date text,
        created_at text NOT NULL
      );
      CREATE UNIQUE INDEX ledger_entries_transaction_id ON ledger_entries (account_id, kind, transaction_id);
      CREATE INDEX ledger_entries_customer ON ledger_entries (customer_pk, id);
      CREATE INDEX ledger_entries_account ON ledger_entries (account_id, id);
    `);
  },
};
