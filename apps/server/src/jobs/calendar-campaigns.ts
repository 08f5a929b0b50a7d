import { awardCalendarCampaigns } from '../domain/campaigns/calendar-campaigns.js';
import { DUE_WORK_INTERVAL_MS, type Job, type JobScope } from './job.js';

const utcDay = (instant: Date) => instant.toISOString().slice(0, 10);

/**
 * Birthday and Anniversary campaigns, once per UTC day and process: the first run on a new day
 * gives every account's due customers their rewards. The day is done even when some customers
 * failed (each is logged), so it is not rescanned at every interval.
 */
export const calendarCampaigns: Job = {
  name: 'calendar-campaigns',
  intervalMs: DUE_WORK_INTERVAL_MS,
  async runDue({ store, accounts, clock, logger }: JobScope, now: Date, lastRun: Date | null): Promise<number> {
    if (lastRun !== null && utcDay(lastRun) === utcDay(now)) return 0;
    let awarded = 0;
    for (const account of accounts.all()) {
      awarded += await awardCalendarCampaigns(store, account, clock, (error, customerPk) => {
        logger.error({ err: error, accountId: account.id, customerPk }, 'calendar campaigns failed for a customer; skipped today');
      });
    }
    return awarded;
  },
};
