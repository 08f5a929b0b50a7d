import type { components } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import { requireCustomer } from '../customers/customer-store.js';
import { campaignConfiguration, canAchieve } from './campaign-views.js';
import { isRunning } from './eligibility.js';
import { lineMultiplierCampaigns } from './multipliers.js';
import { loadProgress, progressIn } from './progress-store.js';

type Schemas = components['schemas'];

export interface CampaignFilters {
  customerId?: string;
  collectionId?: string;
  productSku?: string;
  lang?: string;
}

/**
 * GET /configurations/reward-campaigns: the visible, running campaigns as configured. With a customer,
 * only those they can achieve now; with a collection or SKU, only the running points
 * multipliers that apply to it. Reads only.
 */
export async function listRewardCampaigns(scope: Scope, filters: CampaignFilters): Promise<Schemas['CampaignConfigurationList']> {
  const program = scope.account.program;
  const now = scope.clock.now().toISOString();
  let campaigns = program.campaigns.filter((c) => c.visibility !== 'NotVisible' && isRunning(c, now));
  if (filters.collectionId !== undefined || filters.productSku !== undefined) {
    const line = { sku: filters.productSku ?? null, collections: filters.collectionId === undefined ? [] : [filters.collectionId] };
    const applying = new Set(lineMultiplierCampaigns(program, line, now).map((c) => c.id));
    campaigns = campaigns.filter((c) => applying.has(c.id));
  }
  if (filters.customerId !== undefined) {
    const customerId = filters.customerId;
    const achievable = await scope.store.snapshot(async (q) => {
      const customer = await requireCustomer(q, scope.account.id, customerId);
      const standing = await loadProgress(q, customer.id);
      return new Set(campaigns.filter((c) => canAchieve(program, c, customer, progressIn(standing, c.id), now)).map((c) => c.id));
    });
    campaigns = campaigns.filter((c) => achievable.has(c.id));
  }
  return campaigns.map((c) => campaignConfiguration(program, c, filters.lang));
}
