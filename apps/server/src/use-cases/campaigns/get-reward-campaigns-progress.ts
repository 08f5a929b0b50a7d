import type { components, QueryParams } from '@gameball-open/server-types';
import { progressList, readStanding } from '../../domain/campaigns/customer-campaigns.js';
import { loadWallet } from '../../domain/points/wallet.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';

/**
 * GET /customers/{customerId}/reward-campaigns-progress: the customer's standing in each
 * running, visible campaign, read in one consistent view. Game campaigns do not exist here, so
 * `campaignType=game` lists none.
 */
export async function getRewardCampaignsProgress(
  { store, account, clock }: Scope,
  customerId: string,
  query: QueryParams<'getRewardCampaignsProgress'>,
): Promise<components['schemas']['CampaignProgressList']> {
  if (query.campaignId !== undefined && query.campaignId <= 0) throw errors.invalidValue('campaignId must be 1 or more.');
  const { program } = account;
  const now = clock.now().toISOString();
  return store.snapshot(async (q) => {
    const standing = await readStanding(q, account.id, customerId, now);
    if (query.campaignType === 'game') return [];
    const { customer } = standing;
    const score = program.campaigns.some((c) => c.type === 'HighScore') ? (await loadWallet(q, customer.id, customer.account_id)).score : 0;
    return progressList(program, standing, score, query.campaignId);
  });
}
