import type { components, QueryParams } from '@gameball-open/server-types';
import { countEntries } from '../../domain/transactions/ledger-pages.js';
import type { Scope } from '../../scope.js';

/** GET /transactions/count: how many entries of the account match the filters. */
export async function countTransactions({ store, account }: Scope, query: QueryParams<'countTransactions'>): Promise<components['schemas']['TransactionCount']> {
  return { count: await countEntries(store, account.id, query) };
}
