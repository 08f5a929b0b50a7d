import type { components } from '@gameball-open/server-types';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import { markRead, notificationIds } from '../../domain/notifications/customer-notifications.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';

type Schemas = components['schemas'];

/** PUT /customers/{customerId}/notifications/read: marks notifications read (either spelling of the field); unknown and other customers' IDs are ignored. */
export async function markNotificationsRead({ store, account }: Scope, customerId: string, body: Schemas['NotificationReadRequest']): Promise<Schemas['SuccessMessage']> {
  if (body.notificationIds === undefined && body.notificationsIds === undefined) throw errors.missingArgument('notificationIds is required.');
  const ids = notificationIds([...(body.notificationIds ?? []), ...(body.notificationsIds ?? [])]);
  const marked = await store.transaction(async (q) => markRead(q, (await requireCustomer(q, account.id, customerId)).id, ids));
  return { success: true, message: `${marked} notification(s) marked as read.` };
}
