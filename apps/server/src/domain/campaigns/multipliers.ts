import { compare, type Decimal } from '../shared/decimal.js';
import type { Campaign, CampaignProgram } from './campaign-config.js';
import type { CustomerRow } from '../../store/schema.js';
import { isOpenTo, isRunning } from './eligibility.js';

/** What an order line carries that a multiplier can select on. */
export interface MultiplierLine {
  sku: string | null;
  collections: readonly string[];
}

/** Whether a multiplier selects the line: every line when it names no collection and no SKU. */
function selects(campaign: Campaign, line: MultiplierLine): boolean {
  const m = campaign.multiplier!;
  if (m.collections.length === 0 && m.skus.length === 0) return true;
  if (line.sku !== null && m.skus.includes(line.sku)) return true;
  return line.collections.some((c) => m.collections.includes(c));
}

/**
 * Whether a multiplier is open to the customer at `at` (tier, tags, opt-out); a customer not
 * stored yet (a quote) is a newcomer: lowest tier, no tags.
 */
function openTo(program: CampaignProgram, campaign: Campaign, customer: CustomerRow | null, at: string): boolean {
  if (customer) return isOpenTo(program, campaign, customer, at);
  const lowest = program.tiers.tiers[0]?.order ?? 1;
  return isRunning(campaign, at) && (campaign.availability.minLevel ?? 0) <= lowest && campaign.availability.tags.length === 0;
}

/** The running `place_order` points multipliers that select a line at `at`, whoever the customer. */
export function lineMultiplierCampaigns(program: CampaignProgram, line: MultiplierLine, at: string): Campaign[] {
  return program.campaigns.filter(
    (c) =>
      c.multiplier !== null &&
      isRunning(c, at) &&
      (c.events.length === 0 || c.events.some((e) => e.name === 'place_order')) &&
      selects(c, line),
  );
}

/** The `place_order` points multiplier open to the customer that applies to a line at `at`, if any (the largest wins). */
export function lineMultiplier(
  program: CampaignProgram,
  customer: CustomerRow | null,
  line: MultiplierLine,
  at: string,
): { campaign: Campaign; factor: Decimal } | null {
  let best: { campaign: Campaign; factor: Decimal } | null = null;
  for (const campaign of lineMultiplierCampaigns(program, line, at)) {
    if (!openTo(program, campaign, customer, at)) continue;
    const factor = campaign.multiplier!.factor;
    if (best === null || compare(factor, best.factor) > 0) best = { campaign, factor };
  }
  return best;
}
