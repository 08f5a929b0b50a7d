import type { components, QueryParams } from '@gameball-open/server-types';
import { customersOfPage, ledgerPage } from '../../domain/transactions/ledger-pages.js';
import { toTransaction } from '../../domain/transactions/transaction-view.js';
import type { Scope } from '../../scope.js';

/** GET /transactions/customer-view: the same page as listTransactions, with each customer's name, email and whether the profile was deleted. */
export async function listCustomerViewTransactions(
  { store, account }: Scope,
  query: QueryParams<'listCustomerViewTransactions'>,
): Promise<components['schemas']['CustomerViewPage']> {
  const page = await ledgerPage(store, account.id, query);
  const customers = await customersOfPage(store, page);
  const transactions = page.rows.map((row) => {
    const customer = customers.get(row.customer_pk);
    const attributes = JSON.parse(customer?.attributes ?? '{}') as Record<string, string | undefined>;
    const fullName = [attributes.firstName, attributes.lastName].filter(Boolean).join(' ');
    return {
      ...toTransaction(row),
      customerName: attributes.displayName ?? (fullName || undefined),
      customerEmail: attributes.email ?? customer?.email ?? undefined,
      isCustomerDeleted: customer?.deleted_at != null,
    };
  });
  return { transactions, count: transactions.length, hasMore: page.hasMore };
}
