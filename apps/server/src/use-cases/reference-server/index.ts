/** The use cases of the spec tag "Reference server", one file per operation, named after its operationId. */
export { advanceReferenceClock } from './advance-reference-clock.js';
export { getLatestOtp } from './get-latest-otp.js';
export { getReferenceClock } from './get-reference-clock.js';
export { getWebhookSubscription } from './get-webhook-subscription.js';
export { listWebhookDeliveries } from './list-webhook-deliveries.js';
export { setWebhookSubscription } from './set-webhook-subscription.js';
export { clearFaultInjection, getFaultInjection, setFaultInjection } from './fault-injection.js';
