import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import type { Dialect } from './store.js';

/**
 * The schema, one migration per change, written once for both databases. Only the
 * auto-increment key differs between SQLite and PostgreSQL.
 */
export function migrations(dialect: Dialect): MigrationProvider {
  const all: Record<string, Migration> = {
    '0001_customers_and_ledger': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('customers')
          .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('customer_id', 'text', (c) => c.notNull())
          .addColumn('email', 'text')
          .addColumn('mobile', 'text')
          .addColumn('attributes', 'text', (c) => c.notNull())
          .addColumn('referral_code', 'text', (c) => c.notNull())
          .addColumn('referrer_code', 'text')
          .addColumn('is_guest', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('deleted_at', 'text')
          .execute();
        // One live profile per customerId; deleted profiles keep their rows for the ledger.
        await db.schema
          .createIndex('customers_live_customer_id')
          .on('customers')
          .columns(['account_id', 'customer_id'])
          .unique()
          .where(sql.ref('deleted_at'), 'is', null)
          .execute();
        await db.schema
          .createIndex('customers_referral_code')
          .on('customers')
          .columns(['account_id', 'referral_code'])
          .unique()
          .execute();

        await db.schema
          .createTable('ledger_entries')
          .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('customer_pk', 'integer', (c) => c.notNull().references('customers.id'))
          .addColumn('customer_id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('transaction_id', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('direction', 'text', (c) => c.notNull())
          .addColumn('points', 'integer', (c) => c.notNull())
          .addColumn('amount', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('balance_before', 'integer', (c) => c.notNull())
          .addColumn('balance_after', 'integer', (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('username', 'text')
          .addColumn('transaction_time', 'text', (c) => c.notNull())
          .addColumn('expiry_date', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        // Idempotency: a transactionId is used once per account and kind of operation.
        await db.schema
          .createIndex('ledger_entries_transaction_id')
          .on('ledger_entries')
          .columns(['account_id', 'kind', 'transaction_id'])
          .unique()
          .execute();
        await db.schema
          .createIndex('ledger_entries_customer')
          .on('ledger_entries')
          .columns(['customer_pk', 'id'])
          .execute();
        await db.schema
          .createIndex('ledger_entries_account')
          .on('ledger_entries')
          .columns(['account_id', 'id'])
          .execute();
      },
    },
  };
  return { getMigrations: async () => all };
}
