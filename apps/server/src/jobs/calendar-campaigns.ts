import type { Account } from '../accounts.js';
import type { Campaign } from '../domain/campaigns/campaign-config.js';
import { calendarCampaignsOf, calendarCandidates, CANDIDATE_PAGE, celebrate, dueCampaigns } from '../domain/campaigns/calendar-campaigns.js';
import { withCustomer } from '../use-cases/with-customer.js';
import { DUE_WORK_INTERVAL_MS, type Job, type JobScope } from './job.js';

const utcDay = (instant: Date) => instant.toISOString().slice(0, 10);

/**
 * Birthday and Anniversary campaigns, once per UTC day and process: the first run on a new day
 * gives every account's due customers their rewards; the day is then done, not rescanned at
 * every interval. Answers how many customers it rewarded.
 */
export const calendarCampaigns: Job = {
  name: 'calendar-campaigns',
  intervalMs: DUE_WORK_INTERVAL_MS,
  async runDue(scope: JobScope, now: Date, lastRun: Date | null): Promise<number> {
    if (lastRun !== null && utcDay(lastRun) === utcDay(now)) return 0;
    let awarded = 0;
    for (const account of scope.accounts.all()) {
      const campaigns = calendarCampaignsOf(account.program);
      if (campaigns.length > 0) awarded += await celebrateAccount(scope, account, campaigns);
    }
    return awarded;
  },
};

/**
 * Reads the account's customers in pages (cost grows with customers, once a day, not with
 * anyone's history) and achieves each due campaign in the customer's own unit of work, at most
 * once per customer and year. A customer whose unit fails (say the reward would pass the balance
 * limit) is logged and skipped, so the others still get theirs and the day's run still ends.
 */
async function celebrateAccount({ store, clock, logger }: JobScope, account: Account, campaigns: readonly Campaign[]): Promise<number> {
  const today = utcDay(clock.now());
  let after = 0;
  let awarded = 0;
  for (;;) {
    const rows = await calendarCandidates(store, account.id, after);
    for (const row of rows) {
      after = Number(row.id);
      const due = dueCampaigns(campaigns, row, today);
      if (due.length === 0) continue;
      try {
        await withCustomer({ store, account, clock }, { customerPk: Number(row.id) }, null, (unit) => celebrate(unit, due));
        awarded += 1;
      } catch (error) {
        logger.error({ err: error, accountId: account.id, customerPk: Number(row.id) }, 'calendar campaigns failed for a customer; skipped today');
      }
    }
    if (rows.length < CANDIDATE_PAGE) return awarded;
  }
}
