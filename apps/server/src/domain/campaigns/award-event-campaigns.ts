import type { FiredEvent } from '../engagement/fired-event.js';
import type { Unit } from '../points/unit.js';

/** Records campaign progress for the events and grants every campaign they complete. */
export async function awardEventCampaigns(_unit: Unit, _events: readonly FiredEvent[]): Promise<void> {
  // Filled in by the reward campaigns work (issue 7).
}
