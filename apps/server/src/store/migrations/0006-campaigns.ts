import type { Migration } from '../migrator.js';
import { bigint } from './types.js';

/**
 * Reward campaigns: one row per customer and campaign with how often it was achieved (in all,
 * and on the UTC day of the last achievement) and the progress towards the next achievement
 * (which of its events were seen, the running totals of history conditions) as JSON. The engine
 * reads all of a customer's rows in one query and writes back the ones that changed, so its cost
 * does not grow with the customer's history.
 */
export const campaigns: Migration = {
  name: '0006_campaigns',
  async up(q) {
    const big = bigint(q.dialect);
    await q.exec(`
      CREATE TABLE campaign_progress (
        customer_pk ${big} NOT NULL,
        campaign_id integer NOT NULL,
        account_id text NOT NULL,
        achieved_count integer NOT NULL DEFAULT 0,
        achieved_day text,
        day_count integer NOT NULL DEFAULT 0,
        last_achieved_at text,
        state text NOT NULL DEFAULT '{}',
        updated_at text NOT NULL,
        PRIMARY KEY (customer_pk, campaign_id)
      );
    `);
  },
};
