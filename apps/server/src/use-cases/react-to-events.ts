import { awardEventCampaigns } from '../domain/campaigns/award-event-campaigns.js';
import type { FiredEvent } from '../domain/events/fired-event.js';
import { advanceReferral } from '../domain/referrals/advance-referral.js';
import { rewardReferrer } from './referrals/reward-referrer.js';
import type { AccountUnit } from './with-customer.js';

/**
 * What the engine does with a customer's events, inside the unit of work that recorded them:
 * campaigns make progress or are achieved, and a pending referral of this customer may become
 * Active, its referrer rewarded once this unit has committed. Orders fire `place_order`,
 * payments `payment_processed`, POST /events the shop's own.
 */
export async function reactToEvents(unit: AccountUnit, events: readonly FiredEvent[]): Promise<void> {
  await awardEventCampaigns(unit, events);
  const referralId = await advanceReferral(unit, events);
  if (referralId === null) return;
  unit.afterCommit(async (scope) => {
    // A failure here leaves the reward due; the retry-referrer-rewards job gives it.
    await rewardReferrer(scope, referralId).catch(() => undefined);
  });
}
