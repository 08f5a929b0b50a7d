import type { Migration } from '../migrator.js';
import { bigint, serialKey } from './types.js';

/**
 * Notifications and activities of customers. A notification keeps its kind and parameters, not
 * its text, so it is rendered in whatever language it is read in. An activity is numbered after
 * the customer's last ledger entry at the time (`activity_id` = entry id x 1024 + n), so the
 * activities listing can merge these rows with the ledger's own entries in the order they happened.
 */
export const tiersNotificationsActivities: Migration = {
  name: '0007_tiers_notifications_activities',
  async up(q) {
    const id = serialKey(q.dialect);
    const big = bigint(q.dialect);
    await q.exec(`
      CREATE TABLE notifications (
        id ${id},
        account_id text NOT NULL,
        customer_pk integer NOT NULL REFERENCES customers (id),
        kind text NOT NULL,
        params text NOT NULL,
        icon text,
        is_read integer DEFAULT 0 NOT NULL,
        created_at text NOT NULL
      );
      CREATE INDEX notifications_customer ON notifications (customer_pk, id);
      CREATE TABLE activities (
        id ${id},
        account_id text NOT NULL,
        customer_pk integer NOT NULL REFERENCES customers (id),
        activity_id ${big} NOT NULL,
        type text NOT NULL,
        details text NOT NULL,
        created_at text NOT NULL
      );
      CREATE UNIQUE INDEX activities_customer ON activities (customer_pk, activity_id);
    `);
  },
};
