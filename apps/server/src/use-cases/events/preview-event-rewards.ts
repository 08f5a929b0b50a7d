import type { components } from '@gameball-open/server-types';
import { previewEvents, type EventsPreview } from '../../domain/campaigns/preview-events.js';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';

/**
 * POST /events/reward-preview: what the events would earn an existing, active customer now
 * (404 otherwise), quoted in one consistent view; writes nothing.
 */
export async function previewEventRewards(
  { store, account, clock }: Scope,
  body: components['schemas']['EventRewardPreviewRequest'],
  lang: string | undefined,
): Promise<EventsPreview> {
  const now = clock.now().toISOString();
  return store.snapshot(async (q) => {
    const customer = await requireCustomer(q, account.id, body.customerId);
    if (customer.is_active === 0) throw errors.customerNotFound(body.customerId);
    const events = Object.entries(body.events).map(([name, metadata]) => ({ name, metadata }));
    return previewEvents(q, account.program, customer, events, now, lang);
  });
}
