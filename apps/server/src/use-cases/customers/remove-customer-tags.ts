import type { components } from '@gameball-open/server-types';
import { changeTags, tagList } from '../../domain/customers/tags.js';
import type { Scope } from '../../scope.js';

/** DELETE /customers/{customerId}/tags: removes the tags the customer has. */
export async function removeCustomerTags(
  { store, account, clock }: Scope,
  customerId: string,
  tags: string | readonly string[],
): Promise<components['schemas']['SuccessMessage']> {
  const wanted = tagList(tags);
  return store.transaction((tx) => changeTags(tx, account.id, customerId, wanted, 'remove', clock.now().toISOString()));
}
