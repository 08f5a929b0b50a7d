import type { components } from '@gameball-open/server-types';
import type { WebhookDeliveryRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';
import { webhookSignature } from './signature.js';

type WebhookDelivery = components['schemas']['WebhookDelivery'];

const RECENT = sql('SELECT * FROM webhook_deliveries WHERE account_id = ? ORDER BY id DESC LIMIT ?');
const COPY = sql(
  `INSERT INTO webhook_deliveries (account_id, topic, customer_pk, customer_id, body, status, attempts, created_at, next_attempt_at)
   SELECT account_id, topic, customer_pk, customer_id, body, 'pending', 0, ?, ? FROM webhook_deliveries WHERE account_id = ? AND id = ?
   RETURNING *`,
);

/** The account whose deliveries are shown, with the key that signs them. */
export interface SigningAccount {
  id: string;
  secretKey: string;
}

/** The account's latest `limit` deliveries, newest first; never another account's. */
export async function recentDeliveries(q: Queryable, account: SigningAccount, limit: number): Promise<WebhookDelivery[]> {
  return (await q.all<WebhookDeliveryRow>(RECENT, [account.id, limit])).map((row) => deliveryView(row, account.secretKey));
}

/** A new pending delivery with the exact body of one of the account's, due at `now`; undefined when it has none with that id. */
export async function queueCopy(q: Queryable, account: SigningAccount, id: number, now: string): Promise<WebhookDelivery | undefined> {
  const row = await q.get<WebhookDeliveryRow>(COPY, [now, now, account.id, id]);
  return row && deliveryView(row, account.secretKey);
}

/** A delivery as the reference tools show it: its state, the receiver's last answer, the signature and the exact payload. */
function deliveryView(row: WebhookDeliveryRow, secretKey: string): WebhookDelivery {
  const attempted = row.last_attempt_at !== null;
  return {
    id: Number(row.id),
    topic: row.topic as WebhookDelivery['topic'],
    customerId: row.customer_id,
    status: row.status as WebhookDelivery['status'],
    attempts: Number(row.attempts),
    createdAt: row.created_at,
    lastAttemptAt: row.last_attempt_at,
    nextAttemptAt: row.next_attempt_at,
    lastAnswer: attempted
      ? {
          status: row.last_status === null ? null : Number(row.last_status),
          body: row.last_body,
          error: row.last_error,
          durationMs: row.last_duration_ms === null ? null : Number(row.last_duration_ms),
        }
      : null,
    signature: webhookSignature(row.body, secretKey),
    payload: JSON.parse(row.body) as WebhookDelivery['payload'],
  };
}
