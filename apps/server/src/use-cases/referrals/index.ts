/** The use cases of the spec tag "Referrals", one file per operation, named after its operationId. */
export { countCustomerReferrals } from './count-customer-referrals.js';
export { listCustomerReferrals } from './list-customer-referrals.js';
export { validateReferrerCode } from './validate-referrer-code.js';
