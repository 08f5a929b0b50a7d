import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { requireCustomer } from '../customers/customer-store.js';
import { previewEvents, type EventsPreview } from '../campaigns/preview-events.js';
import type { FiredEvent } from '../engagement/fired-event.js';
import { reactToEvents } from '../engagement/react-to-events.js';
import { withCustomer } from '../points/unit-of-work.js';
import { readMetadata } from './metadata.js';

type Schemas = components['schemas'];

/** The request's events in order; metadata the engine cannot read is refused (422/3003) before anything is written. */
function firedEvents(events: Record<string, unknown>): FiredEvent[] {
  return Object.entries(events).map(([name, raw]) => {
    const read = readMetadata(raw, false);
    if ('invalid' in read) throw errors.invalidValue(`events.${name}: ${read.invalid}.`);
    return { name, metadata: read.metadata };
  });
}

/**
 * POST /events: the customer's events, all in one unit of work (created when unknown): the
 * campaigns and the referral react to them together, or nothing is written.
 */
export async function trackEvents(scope: Scope, body: Schemas['EventsRequest']): Promise<Schemas['SuccessMessage']> {
  const events = firedEvents(body.events as Record<string, unknown>);
  const target = { customerId: body.customerId, create: true, email: body.email, mobile: body.mobile };
  await withCustomer(scope, target, null, (unit) => reactToEvents(unit, events));
  return { success: true, message: `${events.length} event${events.length === 1 ? '' : 's'} recorded.` };
}

/** POST /events/reward-preview: the quote of previewEvents for an existing, active customer; writes nothing. */
export async function previewEventRewards(
  scope: Scope,
  body: Schemas['EventRewardPreviewRequest'],
  lang: string | undefined,
): Promise<EventsPreview> {
  const now = scope.clock.now().toISOString();
  return scope.store.snapshot(async (q) => {
    const customer = await requireCustomer(q, scope.account.id, body.customerId);
    if (customer.is_active === 0) throw errors.customerNotFound(body.customerId);
    const events = Object.entries(body.events).map(([name, metadata]) => ({ name, metadata }));
    return previewEvents(q, scope.account.program, customer, events, now, lang);
  });
}
