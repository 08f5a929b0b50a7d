import type { components, QueryParams } from '@gameball-open/server-types';
import { activityCount } from '../../domain/activities/activity-queries.js';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}/activities/count: how many activities the customer has, of one type when asked. */
export async function countCustomerActivities(
  { store, account }: Scope,
  customerId: string,
  query: QueryParams<'countCustomerActivities'>,
): Promise<components['schemas']['ActivityCount']> {
  const customer = await requireCustomer(store, account.id, customerId);
  return { count: await activityCount(store, customer, query) };
}
