import { countPendingDeliveries } from '../domain/webhooks/delivery-queue.js';
import { loadSubscriptions } from '../domain/webhooks/subscription.js';
import { deliverDueWebhooks, type DeliveryScope } from '../use-cases/webhooks/deliver-webhooks.js';
import type { Job } from './job.js';

/**
 * The webhook sender: every round sends what the outbox has due (new deliveries and retries) and
 * records each answer. Several processes on one PostgreSQL database share the outbox: a claimed
 * row is taken by one of them only. Answers how many attempts it recorded.
 */
export const deliverWebhooks: Job = {
  name: 'deliver-webhooks',
  intervalMs: 200,
  runDue: (scope) => deliverDueWebhooks(scope),
  backlog: (scope) => countPendingDeliveries(scope.store, scope.accounts.all().map((account) => account.id)),
};

/**
 * Loads the subscriptions stored through the reference tools before the server takes requests,
 * so that the first changes after a restart already know where their webhooks go.
 */
export function loadWebhookSubscriptions({ store, accounts }: Pick<DeliveryScope, 'store' | 'accounts'>): Promise<void> {
  return loadSubscriptions(store, accounts.all());
}
