import type { OperationHandler as H } from '../context.js';
import { countNotifications, listNotifications, markNotificationsRead as markRead } from '../domain/notifications/customer-notifications.js';

export const listCustomerNotifications: H<'listCustomerNotifications'> = ({ params, query, context }) =>
  listNotifications(context, params.customerId, query);

export const countCustomerNotifications: H<'countCustomerNotifications'> = ({ params, query, context }) =>
  countNotifications(context, params.customerId, query);

export const markNotificationsRead: H<'markNotificationsRead'> = ({ params, body, context }) => markRead(context, params.customerId, body);
