/** The use cases of the spec tag "Customers", one file per operation, named after its operationId. */
export { addCustomerTags } from './add-customer-tags.js';
export { createCustomer } from './create-customer.js';
export { deleteCustomer } from './delete-customer.js';
export { deleteCustomerByPost } from './delete-customer-by-post.js';
export { getCustomer } from './get-customer.js';
export { getCustomerBalance } from './get-customer-balance.js';
export { getCustomerDetails } from './get-customer-details.js';
export { getCustomerHash } from './get-customer-hash.js';
export { listCustomerCoupons } from './list-customer-coupons.js';
export { removeCustomerTag } from './remove-customer-tag.js';
export { removeCustomerTags } from './remove-customer-tags.js';
export { setCustomerActive } from './set-customer-active.js';
