import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import { saveSubscription, WEBHOOK_VERSION } from '../../domain/webhooks/subscription.js';
import type { Scope } from '../../scope.js';
import { requireTools, type ReferenceTools } from './reference-tools.js';

/**
 * PUT /_reference/webhooks/subscription: points the account's webhooks at a URL (null ends the
 * subscription). Stored, so it outlives a restart and overrides the accounts file; changes
 * committed from now on are sent there, and deliveries still pending go there at their next attempt.
 */
export async function setWebhookSubscription(
  context: Scope & ReferenceTools,
  body: RequestBody<'setWebhookSubscription'>,
): Promise<ResponseBody<'setWebhookSubscription'>> {
  const { store, account, clock } = requireTools(context);
  await saveSubscription(store, account, body.url, clock.now().toISOString());
  return { url: body.url, version: WEBHOOK_VERSION };
}
