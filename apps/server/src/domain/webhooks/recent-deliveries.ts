import type { components } from '@gameball-open/server-types';
import type { WebhookDeliveryRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';

type WebhookDelivery = components['schemas']['WebhookDelivery'];

const RECENT = sql('SELECT * FROM webhook_deliveries WHERE account_id = ? ORDER BY id DESC LIMIT ?');

/** The account's latest `limit` deliveries, newest first; never another account's. */
export async function recentDeliveries(q: Queryable, accountId: string, limit: number): Promise<WebhookDelivery[]> {
  return (await q.all<WebhookDeliveryRow>(RECENT, [accountId, limit])).map(deliveryView);
}

/** A delivery as the reference tools show it: its state, the receiver's last answer and the exact payload. */
function deliveryView(row: WebhookDeliveryRow): WebhookDelivery {
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
    payload: JSON.parse(row.body) as WebhookDelivery['payload'],
  };
}
