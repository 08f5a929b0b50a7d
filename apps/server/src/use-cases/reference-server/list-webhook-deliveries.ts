import type { QueryParams, ResponseBody } from '@gameball-open/server-types';
import { recentDeliveries } from '../../domain/webhooks/recent-deliveries.js';
import type { Scope } from '../../scope.js';
import { requireTools, type ReferenceTools } from './reference-tools.js';

/** GET /_reference/webhooks/deliveries: what the server sent, or is about to send, for this account, newest first. */
export async function listWebhookDeliveries(
  context: Scope & ReferenceTools,
  query: QueryParams<'listWebhookDeliveries'>,
): Promise<ResponseBody<'listWebhookDeliveries'>> {
  const { store, account } = requireTools(context);
  return { deliveries: await recentDeliveries(store, account, query.limit ?? 50) };
}
