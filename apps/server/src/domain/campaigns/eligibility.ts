import type { CustomerRow } from '../../store/schema.js';
import type { Campaign, CampaignProgram } from './campaign-config.js';
import type { CampaignProgress } from './progress.js';

/** Whether a campaign runs at `at`: turned on and inside its activation dates. */
export function isRunning(campaign: Campaign, at: string): boolean {
  if (!campaign.isActive) return false;
  const { startDate, endDate } = campaign.activation;
  const t = Date.parse(at);
  if (startDate !== null && t < Date.parse(startDate)) return false;
  if (endDate !== null && t > Date.parse(endDate)) return false;
  return true;
}

/** The customer's tier order; a customer without one is in the lowest tier. */
export function tierOrderOf(program: CampaignProgram, customer: Pick<CustomerRow, 'tier_order'>): number {
  return customer.tier_order ?? program.tiers.tiers[0]?.order ?? 1;
}

/** The customer's tags, from the stored attributes (a list; a text is read as a comma list). */
export function tagsOf(customer: Pick<CustomerRow, 'attributes'>): string[] {
  try {
    const tags = (JSON.parse(customer.attributes) as { tags?: unknown }).tags;
    const list = Array.isArray(tags) ? tags : typeof tags === 'string' ? tags.split(',') : [];
    return list.map((t) => String(t).trim().toLowerCase()).filter((t) => t !== '');
  } catch {
    return [];
  }
}

/**
 * Whether the campaign is open to this customer at all: running, the customer not opted out, at
 * or above `availability.minLevel`, and carrying one of `availability.tags` when it lists any.
 */
export function isOpenTo(program: CampaignProgram, campaign: Campaign, customer: CustomerRow, at: string): boolean {
  if (!isRunning(campaign, at) || customer.is_active === 0) return false;
  const { minLevel, tags } = campaign.availability;
  if (minLevel !== null && tierOrderOf(program, customer) < minLevel) return false;
  if (tags.length > 0) {
    const own = new Set(tagsOf(customer));
    if (!tags.some((t) => own.has(t.trim().toLowerCase()))) return false;
  }
  return true;
}

/** Whether the customer may achieve the campaign (again): under its total cap and, today (UTC), under its daily cap. */
export function hasRoom(campaign: Campaign, progress: CampaignProgress, at: string): boolean {
  return !isExhausted(campaign, progress) && !isCappedToday(campaign, progress, at);
}

/** Achieved as often as it ever can be: once when not repeatable, `maxAchievement` times when set. */
export function isExhausted(campaign: Campaign, progress: CampaignProgress): boolean {
  const cap = campaign.repeatable ? campaign.maxAchievement : 1;
  return cap > 0 && progress.achievedCount >= cap;
}

export function isCappedToday(campaign: Campaign, progress: CampaignProgress, at: string): boolean {
  return campaign.maxPerDay !== null && progress.achievedDay === at.slice(0, 10) && progress.dayCount >= campaign.maxPerDay;
}

/** Campaigns that award on events: EventBased ones that are not points multipliers. */
export function awardsOnEvents(campaign: Campaign): boolean {
  return campaign.type === 'EventBased' && campaign.multiplier === null && campaign.events.length > 0;
}
