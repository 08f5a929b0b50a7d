import type { components, QueryParams } from '@gameball-open/server-types';
import { ledgerPage } from '../../domain/transactions/ledger-pages.js';
import { toTransaction } from '../../domain/transactions/transaction-view.js';
import type { Scope } from '../../scope.js';

/** GET /transactions: a page of the account's ledger, oldest first, after `startAfter`; reads only. */
export async function listTransactions({ store, account }: Scope, query: QueryParams<'listTransactions'>): Promise<components['schemas']['TransactionPage']> {
  const { rows, hasMore } = await ledgerPage(store, account.id, query);
  return { transactions: rows.map(toTransaction), count: rows.length, hasMore };
}
