import type { components, QueryParams } from '@gameball-open/server-types';
import { campaignConfiguration } from '../../domain/campaigns/campaign-views.js';
import { achievableBy, listedCampaigns } from '../../domain/campaigns/list-campaigns.js';
import type { Scope } from '../../scope.js';

/**
 * GET /configurations/reward-campaigns: the visible, running campaigns as configured. With a
 * customer, only those they can achieve now; with a collection or SKU, only the running points
 * multipliers that apply to it. Reads only.
 */
export async function getRewardCampaignsConfiguration(
  { store, account, clock }: Scope,
  query: QueryParams<'getRewardCampaignsConfiguration'>,
): Promise<components['schemas']['CampaignConfigurationList']> {
  const now = clock.now().toISOString();
  let campaigns = listedCampaigns(account.program, query, now);
  const customerId = query.customerId;
  if (customerId !== undefined) campaigns = await store.snapshot((q) => achievableBy(q, account, customerId, campaigns, now));
  return campaigns.map((c) => campaignConfiguration(account.program, c, query.lang));
}
