import type { WebhookSubscriptionRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';

/** The only version of the webhook payloads (`X-GB-Webhook-Version`). */
export const WEBHOOK_VERSION = 'v4';

/** Where an account's webhooks go as this process knows it: the accounts file's URL unless one was stored. */
export interface WebhookEndpoint {
  readonly fromFile: string | null;
  url: string | null;
}

export interface WebhookAccount {
  id: string;
  webhook: WebhookEndpoint;
}

const ALL = sql('SELECT account_id, url, version, updated_at FROM webhook_subscriptions');
const ONE = sql('SELECT account_id, url, version, updated_at FROM webhook_subscriptions WHERE account_id = ?');
const SAVE = sql(
  `INSERT INTO webhook_subscriptions (account_id, url, version, updated_at) VALUES (?, ?, ?, ?)
   ON CONFLICT (account_id) DO UPDATE SET url = excluded.url, version = excluded.version, updated_at = excluded.updated_at`,
);

/**
 * Brings every account's endpoint in step with the database: a stored subscription wins over
 * the file's. Cheap (one small table), so the sender runs it before each round; a subscription
 * set through another process is seen here by then.
 */
export async function loadSubscriptions(q: Queryable, accounts: readonly WebhookAccount[]): Promise<void> {
  const stored = new Map((await q.all<WebhookSubscriptionRow>(ALL)).map((row) => [row.account_id, row.url]));
  for (const account of accounts) account.webhook.url = stored.has(account.id) ? stored.get(account.id)! : account.webhook.fromFile;
}

/** The account's subscription as stored (else the file's), refreshing what this process knows. */
export async function currentSubscription(q: Queryable, account: WebhookAccount): Promise<string | null> {
  const row = await q.get<WebhookSubscriptionRow>(ONE, [account.id]);
  account.webhook.url = row ? row.url : account.webhook.fromFile;
  return account.webhook.url;
}

/** Stores the account's subscription (null ends it) and uses it in this process at once. */
export async function saveSubscription(q: Queryable, account: WebhookAccount, url: string | null, now: string): Promise<void> {
  await q.run(SAVE, [account.id, url, WEBHOOK_VERSION, now]);
  account.webhook.url = url;
}
