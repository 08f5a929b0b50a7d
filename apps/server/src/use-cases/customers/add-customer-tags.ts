import type { components } from '@gameball-open/server-types';
import { changeTags, tagList } from '../../domain/customers/tags.js';
import type { Scope } from '../../scope.js';

/** POST /customers/{customerId}/tags: adds the tags the customer lacks. */
export async function addCustomerTags(
  { store, account, clock }: Scope,
  customerId: string,
  tags: string | readonly string[],
): Promise<components['schemas']['SuccessMessage']> {
  const wanted = tagList(tags);
  return store.transaction((tx) => changeTags(tx, account.id, customerId, wanted, 'add', clock.now().toISOString()));
}
