import type { components } from '@gameball-open/server-types';
import { eventCampaign, readStanding, streakView } from '../../domain/campaigns/customer-campaigns.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}/streaks/{campaignId}: consecutive UTC days with an event the campaign counts. */
export async function getCustomerStreak({ store, account, clock }: Scope, customerId: string, campaignId: number): Promise<components['schemas']['CampaignStreak']> {
  const campaign = eventCampaign(account.program, campaignId);
  const now = clock.now().toISOString();
  return store.snapshot(async (q) => streakView(account.program, campaign, await readStanding(q, account.id, customerId, now)));
}
