import type { Unit } from '../points/unit.js';

/** What a notification is about; its title and body are rendered in the reader's language. */
export type NotificationKind = 'tierUpgraded' | 'campaignAchieved' | 'pointsEarned' | 'referral';

/** Records a notification for the unit's customer. */
export async function notify(_unit: Unit, _kind: NotificationKind, _params: Record<string, string | number>): Promise<void> {
  // Filled in by the notifications work (issue 7).
}
