import type { QueryParams, ResponseBody } from '@gameball-open/server-types';
import { searchCustomers } from '../../domain/customers/customer-search.js';
import type { Scope } from '../../scope.js';
import { requireTools, type ReferenceTools } from './reference-tools.js';

/** GET /_reference/customers: the account's customers with this customerId, email or mobile, or its newest ones. */
export async function searchReferenceCustomers(
  context: Scope & ReferenceTools,
  query: QueryParams<'searchReferenceCustomers'>,
): Promise<ResponseBody<'searchReferenceCustomers'>> {
  const { store, account } = requireTools(context);
  return { customers: await searchCustomers(store, account.id, query.q, query.limit ?? 50) };
}
