import type { ResponseBody } from '@gameball-open/server-types';
import { queueCopy } from '../../domain/webhooks/recent-deliveries.js';
import { currentSubscription } from '../../domain/webhooks/subscription.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { requireTools, type ReferenceTools } from './reference-tools.js';

/**
 * POST /_reference/webhooks/deliveries/{deliveryId}/resend: queues a copy of one of the
 * account's deliveries (the same body, so the same signature), due now; the webhook job sends
 * it to the current URL like any other. 404 for another account's; 422 with no URL to send to.
 */
export async function resendWebhookDelivery(context: Scope & ReferenceTools, deliveryId: number): Promise<ResponseBody<'resendWebhookDelivery'>> {
  const { store, account, clock } = requireTools(context);
  if ((await currentSubscription(store, account)) === null) {
    throw errors.invalidValue('The account has no webhook URL; set one with setWebhookSubscription first.');
  }
  const copy = await store.transaction((tx) => queueCopy(tx, account, deliveryId, clock.now().toISOString()));
  if (!copy) throw errors.webhookDeliveryNotFound(deliveryId);
  return copy;
}
