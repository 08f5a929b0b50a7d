import type { components } from '@gameball-open/server-types';
import { referralLink } from '../customers/profile.js';
import type { NotificationCreated, NotifyingProgram } from '../notifications/notify.js';
import { renderNotification } from '../notifications/templates.js';
import { textIn } from '../program/local-text.js';
import type { TieredProgram } from '../tiers/tier-config.js';
import { tierOf } from '../tiers/tier-ladder.js';
import type { CustomerRow, WalletFigures } from '../../store/schema.js';

type Schemas = components['schemas'];
export type WebhookTopic = Schemas['WebhookTopic'];
type ProfileData = Schemas['CustomerProfileUpdatedEvent']['data'];
type NotificationData = Schemas['CustomerNotificationPushEvent']['data'];

/** What the payloads read of an account: its ID (`client_id`), referral links, languages, tiers and texts. */
export interface PayloadAccount {
  id: string;
  referralBaseUrl: string;
  program: NotifyingProgram & TieredProgram;
}

/**
 * The body of a webhook, exactly as it is signed and sent: compact JSON with the envelope's keys
 * in Gameball's order (event, client_id, customer_id, gb_customer_id, created_at, data).
 */
export function webhookBody(topic: WebhookTopic, account: { id: string }, customer: CustomerRow, createdAt: string, data: ProfileData | NotificationData): string {
  return JSON.stringify({ event: topic, client_id: account.id, customer_id: customer.customer_id, gb_customer_id: customer.id, created_at: createdAt, data });
}

/**
 * `customer.profile.updated`'s data: contact details, tier (its name in the default language)
 * and points as they are after the change. Activated points are the active ones less any debt
 * (held points included), so that total = activated + pending is the balance.
 */
export function profileData(account: PayloadAccount, customer: CustomerRow, wallet: Pick<WalletFigures, 'active' | 'pending' | 'debt'>): ProfileData {
  const { program } = account;
  const tier = tierOf(program.tiers, customer.tier_order);
  const activated = wallet.active - wallet.debt;
  return {
    email: customer.email,
    mobile_number: customer.mobile,
    tier_name: tier ? textIn(tier.name, program.defaultLanguage, program.defaultLanguage) : null,
    tier_order: tier ? tier.order : null,
    referral_code: customer.referral_code,
    referral_link: referralLink(account.referralBaseUrl, customer.referral_code),
    activated_points: activated,
    pending_points: wallet.pending,
    total_points: activated + wallet.pending,
  };
}

/** `customer.notification.push`'s data: the notification in each of the account's languages (Gameball's key is `local`). */
export function notificationData(program: NotifyingProgram, notification: NotificationCreated): NotificationData {
  return program.languages.map((lang) => {
    const { title, body } = renderNotification(program, notification.kind, notification.params, lang);
    return { local: lang, icon: notification.icon, title, body };
  });
}
