import type { ResponseBody } from '@gameball-open/server-types';
import { currentSubscription, WEBHOOK_VERSION } from '../../domain/webhooks/subscription.js';
import type { Scope } from '../../scope.js';
import { requireTools, type ReferenceTools } from './reference-tools.js';

/** GET /_reference/webhooks/subscription: where the account's webhooks go (the stored subscription, else the accounts file's). */
export async function getWebhookSubscription(context: Scope & ReferenceTools): Promise<ResponseBody<'getWebhookSubscription'>> {
  const { store, account } = requireTools(context);
  return { url: await currentSubscription(store, account), version: WEBHOOK_VERSION };
}
