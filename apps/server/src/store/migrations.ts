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
    '0002_points_economics': {
      async up(db: Kysely<unknown>) {
        const id = (table: string) =>
          db.schema
            .createTable(table)
            .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
              dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
            );
        if (dialect === 'postgres') {
          // Points and balances outgrow 32 bits for large amounts; SQLite integers are 64-bit already.
          for (const column of ['points', 'balance_before', 'balance_after']) {
            await db.schema.alterTable('ledger_entries').alterColumn(column, (c) => c.setDataType('bigint')).execute();
          }
        }
        const ledger = () => db.schema.alterTable('ledger_entries');
        // A pending entry turns active at activates_at; activated_at records when it did.
        await ledger().addColumn('activates_at', 'text').execute();
        await ledger().addColumn('activated_at', 'text').execute();
        // Expiry -> the lot it expires; Cancel -> the reward; Refund -> the redemption.
        await ledger().addColumn('source_entry_id', 'integer').execute();
        await ledger().addColumn('score', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull().defaultTo(0)).execute();
        // Set once the sweeper has dealt with this entry's points reaching their expiry.
        await ledger().addColumn('expiry_settled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
        await db.schema.createIndex('ledger_entries_due').on('ledger_entries').columns(['account_id', 'status', 'activates_at']).execute();
        await db.schema.createIndex('ledger_entries_expiring').on('ledger_entries').columns(['account_id', 'expiry_settled', 'expiry_date']).execute();
        await db.schema.createIndex('ledger_entries_source').on('ledger_entries').columns(['source_entry_id']).execute();

        await id('holds')
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('customer_pk', 'integer', (c) => c.notNull().references('customers.id'))
          .addColumn('customer_id', 'text', (c) => c.notNull())
          .addColumn('reference', 'text', (c) => c.notNull())
          .addColumn('points', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
          .addColumn('amount', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('closed_at', 'text')
          .addColumn('redemption_entry_id', 'integer')
          .execute();
        await db.schema.createIndex('holds_reference').on('holds').columns(['account_id', 'reference']).unique().execute();
        await db.schema.createIndex('holds_customer').on('holds').columns(['customer_pk', 'state']).execute();

        await id('otps')
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('customer_pk', 'integer', (c) => c.notNull().references('customers.id'))
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('points', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .execute();
        await db.schema.createIndex('otps_customer').on('otps').columns(['customer_pk', 'id']).execute();
      },
    },
  };
  return { getMigrations: async () => all };
}
