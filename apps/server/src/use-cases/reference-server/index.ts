/** The use cases of the spec tag "Reference server", one file per operation, named after its operationId. */
export { advanceReferenceClock } from './advance-reference-clock.js';
export { clearFaultInjection } from './clear-fault-injection.js';
export { getFaultInjection } from './get-fault-injection.js';
export { getLatestOtp } from './get-latest-otp.js';
export { getReferenceClock } from './get-reference-clock.js';
export { getWebhookSubscription } from './get-webhook-subscription.js';
export { listWebhookDeliveries } from './list-webhook-deliveries.js';
export { setFaultInjection } from './set-fault-injection.js';
export { setWebhookSubscription } from './set-webhook-subscription.js';
export { resetAccount } from './reset-account.js';
