import type { components } from '@gameball-open/server-types';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}/hash: the six-digit verifier a redemption or hold may carry; it changes after each. */
export async function getCustomerHash({ store, account }: Scope, customerId: string): Promise<components['schemas']['CustomerHash']> {
  return { hash: (await requireCustomer(store, account.id, customerId)).hash };
}
