import type { Migration } from '../migrator.js';
import { serialKey } from './types.js';

/**
 * Webhooks: the subscription set through the reference tools (it overrides the accounts file's,
 * so it survives a restart), and the outbox. A delivery row is written in the transaction of the
 * change it reports, with the exact body that is signed and sent; the sender claims due rows
 * (`next_attempt_at`, which also serves as the claim's lease) and records each attempt's answer.
 */
export const webhooks: Migration = {
  name: '0014_webhooks',
  async up(q) {
    await q.exec(`
      CREATE TABLE webhook_subscriptions (
        account_id text PRIMARY KEY,
        url text,
        version text NOT NULL,
        updated_at text NOT NULL
      );
      CREATE TABLE webhook_deliveries (
        id ${serialKey(q.dialect)},
        account_id text NOT NULL,
        topic text NOT NULL,
        customer_pk integer NOT NULL REFERENCES customers (id),
        customer_id text NOT NULL,
        body text NOT NULL,
        status text DEFAULT 'pending' NOT NULL,
        attempts integer DEFAULT 0 NOT NULL,
        created_at text NOT NULL,
        next_attempt_at text,
        last_attempt_at text,
        last_status integer,
        last_body text,
        last_error text,
        last_duration_ms integer
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE status = 'pending';
      CREATE INDEX webhook_deliveries_account ON webhook_deliveries (account_id, id);
    `);
  },
};
