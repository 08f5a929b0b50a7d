import { applyBatchItems } from './apply-batch-items.js';
import { calendarCampaigns } from './calendar-campaigns.js';
import { deliverWebhooks } from './deliver-webhooks.js';
import type { Job } from './job.js';
import { retryReferrerRewards } from './retry-referrer-rewards.js';
import { settleWallets } from './settle-wallets.js';

/**
 * Every background job of the server, in the order a run takes them: wallets first, since
 * points turning active and expiring are everyone's due work and must not wait on the others.
 * A new job is its file in jobs/ and one line here.
 */
export const JOBS: readonly Job[] = [
  settleWallets,
  retryReferrerRewards,
  calendarCampaigns,
  applyBatchItems,
  deliverWebhooks,
];
