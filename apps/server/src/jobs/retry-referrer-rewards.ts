import { giveDueReferrerRewards } from '../domain/referrals/reward-referrer.js';
import { DUE_WORK_INTERVAL_MS, type Job, type JobScope } from './job.js';

/**
 * Referrers' rewards left due: the process stopped between the friend's unit and the
 * referrer's, or an earlier attempt failed (retried with a back-off, then marked failed). Each
 * reward is its own unit of work; one that fails is logged and the pass goes on.
 */
export const retryReferrerRewards: Job = {
  name: 'retry-referrer-rewards',
  intervalMs: DUE_WORK_INTERVAL_MS,
  runDue({ store, accounts, clock, logger }: JobScope): Promise<number> {
    return giveDueReferrerRewards(store, accounts, clock, (error, referralId, attempts) => {
      logger.error({ err: error, referralId, attempts }, "referrer's reward failed; retried later");
    });
  },
};
