import type { components } from '@gameball-open/server-types';
import { automationView, readStanding } from '../../domain/campaigns/customer-campaigns.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}/automation: EventBased campaigns as step lists (by default the missions: several events joined by `and`). */
export async function getCustomerAutomation(
  { store, account, clock }: Scope,
  customerId: string,
  campaignType: 'mission' | 'all' = 'mission',
): Promise<components['schemas']['CampaignAutomation']> {
  const now = clock.now().toISOString();
  return store.snapshot(async (q) => automationView(account.program, await readStanding(q, account.id, customerId, now), campaignType));
}
