import type { components } from '@gameball-open/server-types';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import { customerDetailsView } from '../../domain/customers/profile.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}/details: the profile with personal data. */
export async function getCustomerDetails({ store, account }: Scope, customerId: string): Promise<components['schemas']['CustomerDetails']> {
  return customerDetailsView(account, await requireCustomer(store, account.id, customerId));
}
