import type { QueryParams, ResponseBody } from '@gameball-open/server-types';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import { latestEntries } from '../../domain/points/ledger-view.js';
import type { Scope } from '../../scope.js';
import { requireTools, type ReferenceTools } from './reference-tools.js';

/**
 * GET /_reference/customers/{customerId}/ledger: the customer's entries as written, newest first,
 * with the balance around each and the operation that wrote it. An unknown customer (or another
 * account's) is 404.
 */
export async function listReferenceLedger(
  context: Scope & ReferenceTools,
  customerId: string,
  query: QueryParams<'listReferenceLedger'>,
): Promise<ResponseBody<'listReferenceLedger'>> {
  const { store, account } = requireTools(context);
  return store.snapshot(async (q) => {
    const customer = await requireCustomer(q, account.id, customerId);
    return { customerId, entries: await latestEntries(q, customer.id, query.limit ?? 50) };
  });
}
