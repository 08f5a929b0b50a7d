import { sql } from '../../store/sql.js';
import type { Unit } from '../points/unit.js';

/** What a notification is about; its title and body are rendered in the reader's language. */
export type NotificationKind = 'tierUpgraded' | 'campaignAchieved' | 'pointsEarned' | 'referral';

const INSERT = sql('INSERT INTO notifications (account_id, customer_pk, kind, params, icon, created_at) VALUES (?, ?, ?, ?, ?, ?)');

/**
 * Records a notification for the unit's customer. Only the kind and its parameters are kept
 * (`tierId`, `campaignId`, `points`, ...); the text is rendered when it is read, in the language
 * asked for. The icon is the tier's or campaign's, when the parameters name one.
 */
export async function notify(unit: Unit, kind: NotificationKind, params: Record<string, string | number>): Promise<void> {
  const { program } = unit.account;
  const icon =
    program.tiers.tiers.find((t) => t.id === params.tierId)?.icon ?? program.campaigns.find((c) => c.id === params.campaignId)?.icon ?? null;
  await unit.q.run(INSERT, [unit.account.id, unit.customer.id, kind, JSON.stringify(params), icon, unit.now]);
}
