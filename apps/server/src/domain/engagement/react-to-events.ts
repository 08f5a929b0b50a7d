import { awardEventCampaigns } from '../campaigns/award-event-campaigns.js';
import type { Unit } from '../points/unit.js';
import { advanceReferral } from '../referrals/advance-referral.js';
import type { FiredEvent } from './fired-event.js';

/**
 * What the engine does with a customer's events, inside the unit of work that recorded them:
 * campaigns make progress or are achieved, and a pending referral of this customer may become
 * Active. Orders fire `place_order`, payments `payment_processed`, POST /events the shop's own.
 */
export async function reactToEvents(unit: Unit, events: readonly FiredEvent[]): Promise<void> {
  await awardEventCampaigns(unit, events);
  await advanceReferral(unit, events);
}
