import type { components } from '@gameball-open/server-types';
import { standingsWithLock } from '../../domain/campaigns/award-event-campaigns.js';
import { firedEvents } from '../../domain/events/metadata.js';
import type { Scope } from '../../scope.js';
import { reactToEvents } from '../react-to-events.js';
import { withCustomer } from '../with-customer.js';

type Schemas = components['schemas'];

/**
 * POST /events: the customer's events, all in one unit of work (the customer created when
 * unknown): the campaigns and the referral react to them together, or nothing is written.
 */
export async function trackEvents(scope: Scope, body: Schemas['EventsRequest']): Promise<Schemas['SuccessMessage']> {
  const events = firedEvents(body.events as Record<string, unknown>);
  // The campaigns' standings are read with the lock (on PostgreSQL in its round trip).
  const alongside = standingsWithLock(scope.account.program, events.map((event) => event.name));
  const target = { customerId: body.customerId, create: true, email: body.email, mobile: body.mobile, ...(alongside && { alongside }) };
  await withCustomer(scope, target, null, (unit) => reactToEvents(unit, events));
  return { success: true, message: `${events.length} event${events.length === 1 ? '' : 's'} recorded.` };
}
