import type { FiredEvent } from '../engagement/fired-event.js';
import type { Unit } from '../points/unit.js';

/** Makes the customer's pending referral Active when an event qualifies, and queues the rewards. */
export async function advanceReferral(_unit: Unit, _events: readonly FiredEvent[]): Promise<void> {
  // Filled in by the referrals work (issue 7).
}
