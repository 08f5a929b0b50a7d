import type { components, QueryParams } from '@gameball-open/server-types';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import { notificationCount } from '../../domain/notifications/customer-notifications.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}/notifications/count: how many notifications the customer has, read or not when asked. */
export async function countCustomerNotifications(
  { store, account }: Scope,
  customerId: string,
  query: QueryParams<'countCustomerNotifications'>,
): Promise<components['schemas']['NotificationCount']> {
  const customer = await requireCustomer(store, account.id, customerId);
  return { count: await notificationCount(store, customer.id, query.isRead) };
}
