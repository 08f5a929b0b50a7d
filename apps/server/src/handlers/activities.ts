import type { OperationHandler as H } from '../context.js';
import * as activities from '../use-cases/activities/index.js';

export const listCustomerActivities: H<'listCustomerActivities'> = ({ params, query, context }) =>
  activities.listCustomerActivities(context, params.customerId, query);

export const countCustomerActivities: H<'countCustomerActivities'> = ({ params, query, context }) =>
  activities.countCustomerActivities(context, params.customerId, query);
