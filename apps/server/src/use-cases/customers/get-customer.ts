import type { components } from '@gameball-open/server-types';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import { customerView } from '../../domain/customers/profile.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}: the profile without personal data. */
export async function getCustomer({ store, account }: Scope, customerId: string): Promise<components['schemas']['Customer']> {
  return customerView(account, await requireCustomer(store, account.id, customerId));
}
