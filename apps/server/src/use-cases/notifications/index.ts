/** The use cases of the spec tag "Notifications", one file per operation, named after its operationId. */
export { countCustomerNotifications } from './count-customer-notifications.js';
export { listCustomerNotifications } from './list-customer-notifications.js';
export { markNotificationsRead } from './mark-notifications-read.js';
