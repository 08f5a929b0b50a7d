import type { Unit } from '../points/unit.js';

/** Activity types that are not ledger entries (those are listed from the ledger itself). */
export type ActivityType = 'TierUpgraded' | 'TierDowngraded' | 'SuccessfulAction' | 'Referral' | 'Referred' | 'CampaignRewarded';

/** Records an activity of the unit's customer (GET /customers/{id}/activities). */
export async function recordActivity(_unit: Unit, _type: ActivityType, _details: Record<string, unknown>): Promise<void> {
  // Filled in by the activities work (issue 7).
}
