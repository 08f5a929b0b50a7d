import type { Migration } from '../migrator.js';
import { serialKey } from './types.js';

/**
 * Referrals and channel merging.
 * - referrals: one row per referred friend (a friend is referred once), Pending until the friend
 *   does the program's action, then Active. `referrer_reward` is the durable to-do of the
 *   referrer's reward: 'due' is written in the friend's unit of work, 'done' in the referrer's, so
 *   the reward is given exactly once even when the process dies in between (the sweeper finishes it).
 * - customer_aliases: other customerIds (web, app, POS) that resolve to one profile.
 * - customer_merge_keys: the normalised email or mobile that joins them, one owner per key.
 */
export const referralsAndMerging: Migration = {
  name: '0008_referrals_and_merging',
  async up(q) {
    const id = serialKey(q.dialect);
    await q.exec(`
      CREATE TABLE referrals (
        id ${id},
        account_id text NOT NULL,
        friend_pk integer NOT NULL REFERENCES customers (id),
        referrer_pk integer NOT NULL REFERENCES customers (id),
        status text NOT NULL,
        created_at text NOT NULL,
        activated_at text,
        referrer_reward text,
        referrer_rewarded_at text
      );
      CREATE UNIQUE INDEX referrals_friend ON referrals (friend_pk);
      CREATE INDEX referrals_referrer ON referrals (referrer_pk, friend_pk);
      CREATE INDEX referrals_reward_due ON referrals (id) WHERE referrer_reward = 'due';
      CREATE TABLE customer_aliases (
        account_id text NOT NULL,
        customer_id text NOT NULL,
        customer_pk integer NOT NULL REFERENCES customers (id),
        created_at text NOT NULL,
        PRIMARY KEY (account_id, customer_id)
      );
      CREATE TABLE customer_merge_keys (
        account_id text NOT NULL,
        kind text NOT NULL,
        merge_key text NOT NULL,
        customer_pk integer NOT NULL REFERENCES customers (id),
        PRIMARY KEY (account_id, kind, merge_key)
      );
    `);
  },
};
