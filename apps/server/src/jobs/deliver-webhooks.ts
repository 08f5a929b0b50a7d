import { countPendingDeliveries } from '../domain/webhooks/delivery-queue.js';
import { loadSubscriptions } from '../domain/webhooks/subscription.js';
import { deliverDueWebhooks } from '../use-cases/webhooks/deliver-webhooks.js';
import type { Job } from './job.js';

/**
 * The webhook sender: every round sends what the outbox has due (new deliveries and retries) and
 * records each answer. Several processes on one PostgreSQL database share the outbox: a claimed
 * row is taken by one of them only. Answers how many attempts it recorded. Before the server
 * takes requests it loads the subscriptions stored through the reference tools, so that the
 * first changes after a restart already know where their webhooks go.
 */
export const deliverWebhooks: Job = {
  name: 'deliver-webhooks',
  intervalMs: 200,
  runDue: (scope) => deliverDueWebhooks(scope),
  prepare: ({ store, accounts }) => loadSubscriptions(store, accounts.all()),
  backlog: (scope) => countPendingDeliveries(scope.store, scope.accounts.all().map((account) => account.id)),
};
