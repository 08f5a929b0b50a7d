import type { Queryable } from '../../store/sql.js';
import { requireCustomer } from '../customers/customer-store.js';
import type { Campaign, CampaignProgram } from './campaign-config.js';
import { canAchieve } from './campaign-views.js';
import { isRunning } from './eligibility.js';
import { lineMultiplierCampaigns } from './multipliers.js';
import { loadProgress, progressIn } from './progress-store.js';

/**
 * The visible, running campaigns as configured; with a collection or SKU, only the running
 * points multipliers that apply to it.
 */
export function listedCampaigns(program: CampaignProgram, filters: { collectionId?: string; productSku?: string }, now: string): Campaign[] {
  const campaigns = program.campaigns.filter((c) => c.visibility !== 'NotVisible' && isRunning(c, now));
  if (filters.collectionId === undefined && filters.productSku === undefined) return campaigns;
  const line = { sku: filters.productSku ?? null, collections: filters.collectionId === undefined ? [] : [filters.collectionId] };
  const applying = new Set(lineMultiplierCampaigns(program, line, now).map((c) => c.id));
  return campaigns.filter((c) => applying.has(c.id));
}

/** Of these campaigns, the ones the customer can achieve now (404/7000 for an unknown customer); `q` is a read view. */
export async function achievableBy(
  q: Queryable,
  account: { id: string; program: CampaignProgram },
  customerId: string,
  campaigns: readonly Campaign[],
  now: string,
): Promise<Campaign[]> {
  const customer = await requireCustomer(q, account.id, customerId);
  const standing = await loadProgress(q, customer.id);
  return campaigns.filter((c) => canAchieve(account.program, c, customer, progressIn(standing, c.id), now));
}
