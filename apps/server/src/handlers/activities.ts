import type { OperationHandler as H } from '../context.js';
import { countActivities, listActivities } from '../domain/activities/customer-activities.js';

export const listCustomerActivities: H<'listCustomerActivities'> = ({ params, query, context }) => listActivities(context, params.customerId, query);

export const countCustomerActivities: H<'countCustomerActivities'> = ({ params, query, context }) => countActivities(context, params.customerId, query);
