/** The use cases of the spec tag "Activities", one file per operation, named after its operationId. */
export { countCustomerActivities } from './count-customer-activities.js';
export { listCustomerActivities } from './list-customer-activities.js';
