import type { components } from '@gameball-open/server-types';
import { setActive } from '../../domain/customers/activation.js';
import type { Scope } from '../../scope.js';

/** PUT /customers/{customerId}/activate: opts the customer in or out; answers whether the state changed. */
export async function setCustomerActive(
  { store, account, clock }: Scope,
  customerId: string,
  isActive: boolean,
): Promise<components['schemas']['CustomerActivation']> {
  const stateChanged = await store.transaction((tx) => setActive(tx, account.id, customerId, isActive, clock.now().toISOString()));
  return { customerId, isActive, stateChanged };
}
