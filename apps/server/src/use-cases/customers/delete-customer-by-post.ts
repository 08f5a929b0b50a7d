import type { Scope } from '../../scope.js';
import { deleteCustomer } from './delete-customer.js';

/** POST /customers/{customerId}/delete: deleteCustomer for clients that cannot send DELETE. */
export function deleteCustomerByPost(scope: Scope, customerId: string): Promise<void> {
  return deleteCustomer(scope, customerId);
}
