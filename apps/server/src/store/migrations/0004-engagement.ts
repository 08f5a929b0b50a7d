import type { Migration } from '../migrator.js';
import { bigint } from './types.js';

/**
 * Engagement groundwork shared by orders, campaigns, tiers and referrals: what an achievement
 * entry records (campaign, tier, order, merchant) and the progress figures a tier is measured in,
 * kept on the customer row so checking a tier costs no query. Each capability adds its own tables
 * in its own migration.
 */
export const engagement: Migration = {
  name: '0004_engagement',
  async up(q) {
    const big = bigint(q.dialect);
    await q.exec(`
      ALTER TABLE ledger_entries ADD COLUMN achieved_reward_campaign_id integer;
      ALTER TABLE ledger_entries ADD COLUMN achievement_name text;
      ALTER TABLE ledger_entries ADD COLUMN achieved_tier_id integer;
      ALTER TABLE ledger_entries ADD COLUMN order_id text;
      ALTER TABLE ledger_entries ADD COLUMN merchant_name text;
      ALTER TABLE ledger_entries ADD COLUMN branch_name text;
      ALTER TABLE customers ADD COLUMN tier_order integer;
      ALTER TABLE customers ADD COLUMN amount_spent text DEFAULT '0' NOT NULL;
      ALTER TABLE customers ADD COLUMN orders_count ${big} DEFAULT 0 NOT NULL;
      ALTER TABLE customers ADD COLUMN friends_referred ${big} DEFAULT 0 NOT NULL;
      ALTER TABLE customers ADD COLUMN is_active integer DEFAULT 1 NOT NULL;
    `);
  },
};
