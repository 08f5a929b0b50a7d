import { dueReferrerRewards, recordFailedReward } from '../domain/referrals/referral-store.js';
import { rewardReferrer } from '../use-cases/referrals/reward-referrer.js';
import { DUE_WORK_INTERVAL_MS, type Job, type JobScope } from './job.js';

/**
 * Referrers' rewards still due: the process stopped between the friend's unit and the
 * referrer's, or an earlier attempt failed. Each reward is its own unit of work: one that fails
 * (say the referrer's balance would pass the limit, 3011) is logged, counted and retried later
 * with a back-off (see recordFailedReward), and the run goes on with the next. Answers how many it gave.
 */
export const retryReferrerRewards: Job = {
  name: 'retry-referrer-rewards',
  intervalMs: DUE_WORK_INTERVAL_MS,
  async runDue({ store, accounts, clock, logger }: JobScope, now: Date): Promise<number> {
    const ids = accounts.all().map((account) => account.id);
    let given = 0;
    for (const row of await dueReferrerRewards(store, ids, now.toISOString())) {
      const account = accounts.byId(row.account_id);
      if (!account) continue;
      try {
        await rewardReferrer({ store, account, clock }, Number(row.id));
        given++;
      } catch (error) {
        const attempts = Number(row.referrer_reward_attempts);
        logger.error({ err: error, referralId: Number(row.id), attempts: attempts + 1 }, "referrer's reward failed; retried later");
        await recordFailedReward(store, Number(row.id), attempts, clock.now());
      }
    }
    return given;
  },
};
