import type { OperationHandler as H } from '../context.js';
import * as notifications from '../use-cases/notifications/index.js';

export const listCustomerNotifications: H<'listCustomerNotifications'> = ({ params, query, context }) =>
  notifications.listCustomerNotifications(context, params.customerId, query);

export const countCustomerNotifications: H<'countCustomerNotifications'> = ({ params, query, context }) =>
  notifications.countCustomerNotifications(context, params.customerId, query);

export const markNotificationsRead: H<'markNotificationsRead'> = ({ params, body, context }) =>
  notifications.markNotificationsRead(context, params.customerId, body);
