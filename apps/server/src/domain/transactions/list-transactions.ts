import type { components, QueryParams } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import { sql } from '../../store/sql.js';
import { mergedInto } from '../customers/customer-store.js';
import { toTransaction, type TransactionRow } from './transaction-view.js';

type Schemas = components['schemas'];
type Filters = QueryParams<'countTransactions'>;

/** What the transaction view shows, and no more: every column read costs time on each row of a page. */
const VIEW_COLUMNS =
  'id, customer_pk, transaction_id, type, direction, customer_id, points, amount, transaction_time, status, reason, expiry_date, balance_before, balance_after, ' +
  'achieved_reward_campaign_id, achievement_name, achieved_tier_id, merchant_name, branch_name';

/** The WHERE clause and parameters of a listing; one statement text per combination of filters. */
function where(accountId: string, filters: Filters): { clause: string; params: Array<string | number> } {
  const parts = ['account_id = ?'];
  const params: Array<string | number> = [accountId];
  if (filters.customerId !== undefined) parts.push('customer_id = ?'), params.push(filters.customerId);
  if (filters.direction !== undefined) parts.push('direction = ?'), params.push(filters.direction);
  if (filters.status !== undefined) parts.push('status = ?'), params.push(filters.status);
  return { clause: parts.join(' AND '), params };
}

/**
 * A page of the account's ledger in ascending ID order after `startAfter`; reads only. An empty
 * page for a customerId that is another ID of a merged profile (channel merging) is read again
 * for the profile's own ID, so the common case costs no extra query.
 */
async function page(scope: Scope, query: QueryParams<'listTransactions'>) {
  const first = await pageOf(scope, query);
  if (first.rows.length > 0 || query.customerId === undefined) return first;
  const merged = await mergedInto(scope.store, scope.account.id, query.customerId);
  return merged === undefined ? first : pageOf(scope, { ...query, customerId: merged });
}

async function pageOf({ store, account }: Scope, query: QueryParams<'listTransactions'>) {
  const limit = query.limit ?? 50;
  const { clause, params } = where(account.id, query);
  const text = `SELECT ${VIEW_COLUMNS} FROM ledger_entries WHERE ${clause} AND id > ? ORDER BY id LIMIT ?`;
  const rows = await store.all<TransactionRow & { customer_pk: number }>(sql(text), [...params, query.startAfter ?? 0, limit + 1]);
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function listTransactions(scope: Scope, query: QueryParams<'listTransactions'>): Promise<Schemas['TransactionPage']> {
  const { rows, hasMore } = await page(scope, query);
  return { transactions: rows.map(toTransaction), count: rows.length, hasMore };
}

interface CustomerFacts {
  id: number;
  attributes: string;
  email: string | null;
  deleted_at: string | null;
}

const CUSTOMER_FACTS = sql('SELECT id, attributes, email, deleted_at FROM customers WHERE id = ?');

/** The same page with each customer's name, email and whether the profile was deleted. */
export async function listCustomerViewTransactions(
  scope: Scope,
  query: QueryParams<'listCustomerViewTransactions'>,
): Promise<Schemas['CustomerViewPage']> {
  const { rows, hasMore } = await page(scope, query);
  const byId = new Map<number, CustomerFacts | undefined>();
  for (const pk of new Set(rows.map((row) => row.customer_pk))) byId.set(pk, await scope.store.get<CustomerFacts>(CUSTOMER_FACTS, [pk]));
  const transactions = rows.map((row) => {
    const customer = byId.get(row.customer_pk);
    const attributes = JSON.parse(customer?.attributes ?? '{}') as Record<string, string | undefined>;
    const fullName = [attributes.firstName, attributes.lastName].filter(Boolean).join(' ');
    return {
      ...toTransaction(row),
      customerName: attributes.displayName ?? (fullName || undefined),
      customerEmail: attributes.email ?? customer?.email ?? undefined,
      isCustomerDeleted: customer?.deleted_at != null,
    };
  });
  return { transactions, count: transactions.length, hasMore };
}

export async function countTransactions({ store, account }: Scope, query: Filters): Promise<Schemas['TransactionCount']> {
  const count = async (filters: Filters) => {
    const { clause, params } = where(account.id, filters);
    const row = await store.get<{ count: number }>(sql(`SELECT count(*) AS count FROM ledger_entries WHERE ${clause}`), params);
    return Number(row?.count ?? 0);
  };
  const first = await count(query);
  if (first > 0 || query.customerId === undefined) return { count: first };
  // Another ID of a merged profile (channel merging) counts the profile's entries.
  const merged = await mergedInto(store, account.id, query.customerId);
  return { count: merged === undefined ? first : await count({ ...query, customerId: merged }) };
}
