import type { FiredEvent } from '../engagement/fired-event.js';
import type { Unit } from '../points/unit.js';
import { eventMeetsConditions } from './event-conditions.js';
import { activateReferral, referralOfFriend } from './referral-store.js';
import { giveReferralReward } from './referral-rewards.js';
import { rewardReferrer } from './reward-referrer.js';

/**
 * Makes the customer's pending referral Active when one of their events is the program's action
 * (`eventName`, '' = `place_order`, always `place_order` for PlayerAndGuest) and meets its
 * `eventMetaData`; runs inside the friend's unit of work. The friend is rewarded in this unit
 * (PlayerAndFriend, PlayerAndGuest); the referrer's reward is recorded as due in this unit too
 * and given after commit in the referrer's own unit (or by the sweeper after a crash), once.
 * Customers nobody referred cost no query; an opted-out friend's referral stays Pending.
 */
export async function advanceReferral(unit: Unit, events: readonly FiredEvent[]): Promise<void> {
  const program = unit.account.program.referral;
  if (!program || unit.customer.referrer_code === null || unit.customer.is_active === 0) return;
  const action = program.method === 'PlayerAndGuest' || program.eventName === '' ? 'place_order' : program.eventName;
  if (!events.some((event) => event.name === action && eventMeetsConditions(program.eventMetaData, event.metadata))) return;
  const referral = await referralOfFriend(unit.q, unit.customer.id);
  if (!referral || referral.status !== 'Pending' || !(await activateReferral(unit.q, referral.id, unit.now))) return;
  if (program.method !== 'PlayerOnly' && program.friendReward) {
    await giveReferralReward(unit, program.friendReward, referral.id, 'friend', 'Referred');
  }
  unit.afterCommit(async (scope) => {
    // A failure here leaves the reward due; the due-work sweeper gives it.
    await rewardReferrer(scope, referral.id).catch(() => undefined);
  });
}
