/** The use cases of the spec tag "Reference server", one file per operation, named after its operationId. */
export { advanceReferenceClock } from './advance-reference-clock.js';
export { clearFaultInjection } from './clear-fault-injection.js';
export { getFaultInjection } from './get-fault-injection.js';
export { getLatestOtp } from './get-latest-otp.js';
export { getReferenceClock } from './get-reference-clock.js';
export { getWebhookSubscription } from './get-webhook-subscription.js';
export { listReferenceBatches } from './list-reference-batches.js';
export { listReferenceHolds } from './list-reference-holds.js';
export { listReferenceLedger } from './list-reference-ledger.js';
export { listWebhookDeliveries } from './list-webhook-deliveries.js';
export { setFaultInjection } from './set-fault-injection.js';
export { setWebhookSubscription } from './set-webhook-subscription.js';
export { searchReferenceCustomers } from './search-reference-customers.js';
export { resendWebhookDelivery } from './resend-webhook-delivery.js';
export { resetAccount } from './reset-account.js';
