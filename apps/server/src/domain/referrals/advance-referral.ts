import type { FiredEvent } from '../events/fired-event.js';
import type { ProgramUnit } from '../points/unit.js';
import { eventMeetsConditions } from './event-conditions.js';
import type { ReferralsProgram } from './referral-config.js';
import { activateReferral, referralOfFriend } from './referral-store.js';
import { giveReferralReward } from './referral-rewards.js';

/**
 * Makes the customer's pending referral Active when one of their events is the program's action
 * (`eventName`, '' = `place_order`, always `place_order` for PlayerAndGuest) and meets its
 * `eventMetaData`; runs inside the friend's unit of work. The friend is rewarded in this unit
 * (PlayerAndFriend, PlayerAndGuest); the referrer's reward is recorded as due in this unit too,
 * and the referral's id answered, so that the caller gives it after commit in the referrer's own
 * unit (or the retry-referrer-rewards job after a crash), once. Answers null when no referral
 * became Active. Customers nobody referred cost no query; an opted-out friend's referral stays Pending.
 */
export async function advanceReferral(unit: ProgramUnit<ReferralsProgram>, events: readonly FiredEvent[]): Promise<number | null> {
  const program = unit.account.program.referral;
  if (!program || unit.customer.referrer_code === null || unit.customer.is_active === 0) return null;
  const action = program.method === 'PlayerAndGuest' || program.eventName === '' ? 'place_order' : program.eventName;
  if (!events.some((event) => event.name === action && eventMeetsConditions(program.eventMetaData, event.metadata))) return null;
  const referral = await referralOfFriend(unit.q, unit.customer.id);
  if (!referral || referral.status !== 'Pending' || !(await activateReferral(unit.q, referral.id, unit.now))) return null;
  if (program.method !== 'PlayerOnly' && program.friendReward) {
    await giveReferralReward(unit, program.friendReward, referral.id, 'friend', 'Referred');
  }
  return referral.id;
}
