import type { components, QueryParams } from '@gameball-open/server-types';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import { notificationRows } from '../../domain/notifications/customer-notifications.js';
import { readingLanguage, renderNotification } from '../../domain/notifications/templates.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}/notifications: a page of the customer's notifications in ascending ID order, rendered in the asked language. */
export async function listCustomerNotifications(
  { store, account }: Scope,
  customerId: string,
  query: QueryParams<'listCustomerNotifications'>,
): Promise<components['schemas']['NotificationPage']> {
  const { program } = account;
  const customer = await requireCustomer(store, account.id, customerId);
  const limit = query.limit ?? 50;
  const rows = await notificationRows(store, customer.id, query.startAfter ?? 0, limit, query.isRead);
  const lang = readingLanguage(program, query.lang);
  const notifications = rows.slice(0, limit).map((row) => ({
    notificationId: String(row.id),
    ...renderNotification(program, row.kind, JSON.parse(row.params) as Record<string, string | number>, lang),
    isRead: Number(row.is_read) === 1,
    createdAt: row.created_at,
    lang,
    icon: row.icon,
  }));
  return { notifications, count: notifications.length, hasMore: rows.length > limit };
}
