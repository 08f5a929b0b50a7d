import { later, sql } from '../../store/sql.js';
import type { Unit, UnitEvent } from '../points/unit.js';
import type { LocalText } from '../program/local-text.js';
import type { Program } from '../program/program.js';

/** What a notification is about; its title and body are rendered in the reader's language. */
export type NotificationKind = 'tierUpgraded' | 'campaignAchieved' | 'pointsEarned' | 'referral';

/** A tier or a campaign as a notification names it: its id, its name in each language, its icon. */
export interface Named {
  id: number;
  name: LocalText;
  icon: string | null;
}

/** What notifications read of the program: its names and languages, and the tiers and campaigns they name. */
export type NotifyingProgram = Program & { tiers: { tiers: readonly Named[] }; campaigns: readonly Named[] };

const INSERT = sql('INSERT INTO notifications (account_id, customer_pk, kind, params, icon, created_at) VALUES (?, ?, ?, ?, ?, ?)');

/** The event a unit emits for each notification it records, so that what follows (a webhook) is written in the same transaction. */
export interface NotificationCreated extends UnitEvent {
  type: 'notificationCreated';
  kind: NotificationKind;
  params: Record<string, string | number>;
  icon: string | null;
}

export function isNotificationCreated(event: UnitEvent): event is NotificationCreated {
  return event.type === 'notificationCreated';
}

/**
 * Records a notification for the unit's customer. Only the kind and its parameters are kept
 * (`tierId`, `campaignId`, `points`, ...); the text is rendered when it is read, in the language
 * asked for (templates.ts). The icon is the tier's or campaign's the notification is about.
 */
export async function notify(unit: Unit, kind: NotificationKind, params: Record<string, string | number>, icon: string | null): Promise<void> {
  await later(unit.q, INSERT, [unit.account.id, unit.customer.id, kind, JSON.stringify(params), icon, unit.now]);
  const created: NotificationCreated = { type: 'notificationCreated', kind, params, icon };
  await unit.emit(created);
}
