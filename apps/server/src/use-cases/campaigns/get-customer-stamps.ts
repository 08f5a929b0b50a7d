import type { components } from '@gameball-open/server-types';
import { eventCampaign, readStanding, stampsView } from '../../domain/campaigns/customer-campaigns.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}/stamps/{challengeId}: an EventBased campaign's events as stamps since its last achievement. */
export async function getCustomerStamps({ store, account, clock }: Scope, customerId: string, challengeId: number): Promise<components['schemas']['CampaignStamps']> {
  const campaign = eventCampaign(account.program, challengeId);
  const now = clock.now().toISOString();
  return store.snapshot(async (q) => stampsView(account.program, campaign, await readStanding(q, account.id, customerId, now)));
}
