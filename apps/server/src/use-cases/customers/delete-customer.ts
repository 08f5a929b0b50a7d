import { softDelete } from '../../domain/customers/customer-store.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';

/** DELETE /customers/{customerId}: a soft delete; the profile disappears from reads, its ledger entries stay. */
export async function deleteCustomer({ store, account, clock }: Scope, customerId: string): Promise<void> {
  if (!(await softDelete(store, account.id, customerId, clock.now().toISOString()))) throw errors.customerNotFound(customerId);
}
