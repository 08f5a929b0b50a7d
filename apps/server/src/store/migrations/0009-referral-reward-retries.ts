import type { Migration } from '../migrator.js';

/**
 * Retries of a referrer's reward that failed (for instance the referrer's balance would pass the
 * limit, 3011). The sweeper counts the attempt in `referrer_reward_attempts` and waits until
 * `referrer_reward_retry_at` before trying again, backing off; after the last attempt the reward
 * becomes 'failed' (logged each time), so one bad referral neither blocks the rewards queued
 * behind it nor costs a unit of work on every sweep.
 */
export const referralRewardRetries: Migration = {
  name: '0009_referral_reward_retries',
  async up(q) {
    await q.exec(`
      ALTER TABLE referrals ADD COLUMN referrer_reward_attempts integer NOT NULL DEFAULT 0;
      ALTER TABLE referrals ADD COLUMN referrer_reward_retry_at text;
    `);
  },
};
