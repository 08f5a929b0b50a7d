import type { CustomerRow, WalletFigures } from '../../store/schema.js';
import { later, sql, type Queryable } from '../../store/sql.js';
import { isNotificationCreated } from '../notifications/notify.js';
import { projectDueWork } from '../points/due-view.js';
import type { Unit, UnitAccount, UnitEvent, UnitStart } from '../points/unit.js';
import { loadWallet } from '../points/wallet.js';
import { notificationData, profileData, webhookBody, type PayloadAccount, type WebhookTopic } from './payloads.js';
import type { WebhookAccount } from './subscription.js';

/** An account as the outbox needs it: where its webhooks go, and what their payloads read. */
export type OutboxAccount = UnitAccount<PayloadAccount['program']> & PayloadAccount & WebhookAccount;

const INSERT = sql(
  `INSERT INTO webhook_deliveries (account_id, topic, customer_pk, customer_id, body, status, attempts, created_at, next_attempt_at)
   VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
);

/** The figures of a wallet that the profile payload shows; a change of any other (held points) sends nothing. */
const PROFILE_FIGURES = ['balance', 'active', 'pending', 'debt', 'score', 'earned'] as const;

/**
 * Writes one delivery into the outbox in the caller's transaction, due at once (callers write
 * none while the account has no subscription). The row commits or rolls back with the change it
 * reports, so none is lost across a crash and none is sent for a change that did not happen.
 */
async function queue(q: Queryable, account: OutboxAccount, customer: CustomerRow, topic: WebhookTopic, body: string, now: string): Promise<void> {
  await later(q, INSERT, [account.id, topic, customer.id, customer.customer_id, body, now, now]);
}

/** A reaction to `notificationCreated`: the `customer.notification.push` of that notification. */
export async function queueNotificationPush(unit: Unit<OutboxAccount>, event: UnitEvent): Promise<void> {
  const { account, customer, now } = unit;
  if (account.webhook.url === null || !isNotificationCreated(event)) return;
  const body = webhookBody('customer.notification.push', account, customer, now, notificationData(account.program, event));
  await queue(unit.q, account, customer, 'customer.notification.push', body, now);
}

/**
 * A reaction after the work of every unit: one `customer.profile.updated` when the unit created
 * the customer, moved the tier or changed points (any ledger entry; pending points activated or
 * expired by due work). A unit that changed nothing, or only held points, sends nothing.
 */
export async function queueProfileUpdate(unit: Unit<OutboxAccount>, start: UnitStart): Promise<void> {
  const { account, customer, wallet, now } = unit;
  if (account.webhook.url === null) return;
  const changed = start.created || customer.tier_order !== start.tierOrder || PROFILE_FIGURES.some((figure) => wallet[figure] !== start.wallet[figure]);
  if (!changed) return;
  await queue(unit.q, account, customer, 'customer.profile.updated', webhookBody('customer.profile.updated', account, customer, now, profileData(account, customer, wallet)), now);
}

/**
 * `customer.profile.updated` for a profile written outside a unit of work (createCustomer: a new
 * customer without SignUp rewards, or a new email or mobile), in the caller's transaction. A new
 * customer has no points yet; otherwise its points are read as of `now`, due work applied.
 */
export async function queueProfileWritten(q: Queryable, account: OutboxAccount, customer: CustomerRow, created: boolean, now: string): Promise<void> {
  if (account.webhook.url === null) return;
  let figures: Pick<WalletFigures, 'active' | 'pending' | 'debt'> = { active: 0, pending: 0, debt: 0 };
  if (!created) {
    const stored = await loadWallet(q, customer.id, account.id);
    figures = stored.nextDueAt !== null && stored.nextDueAt <= now ? await projectDueWork(q, { ...stored, nextExpiring: null }, account.program, now) : stored;
  }
  await queue(q, account, customer, 'customer.profile.updated', webhookBody('customer.profile.updated', account, customer, now, profileData(account, customer, figures)), now);
}
