import type { components, QueryParams } from '@gameball-open/server-types';
import { activityRows } from '../../domain/activities/activity-queries.js';
import { toActivity } from '../../domain/activities/activity-view.js';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}/activities: a page of the customer's activities, oldest first, after `startAfter` (an activityId). */
export async function listCustomerActivities(
  { store, account }: Scope,
  customerId: string,
  query: QueryParams<'listCustomerActivities'>,
): Promise<components['schemas']['ActivityPage']> {
  const customer = await requireCustomer(store, account.id, customerId);
  const limit = query.limit ?? 50;
  const rows = await activityRows(store, customer, query);
  const activities = rows.slice(0, limit).map((row) => toActivity(account.program, customer, row));
  return { activities, count: activities.length, hasMore: rows.length > limit };
}
