import type { QueryParams } from '@gameball-open/server-types';
import { sql, type Queryable, type Store } from '../../store/sql.js';
import { mergedInto } from '../customers/customer-store.js';
import type { TransactionRow } from './transaction-view.js';

type Filters = QueryParams<'countTransactions'>;
type PageQuery = QueryParams<'listTransactions'>;

/** What the transaction view shows, and no more: every column read costs time on each row of a page. */
const VIEW_COLUMNS =
  'id, customer_pk, transaction_id, type, direction, customer_id, points, amount, transaction_time, status, reason, expiry_date, balance_before, balance_after, ' +
  'achieved_reward_campaign_id, achievement_name, achieved_tier_id, merchant_name, branch_name';

type PageRow = TransactionRow & { customer_pk: number };

/**
 * A row of VIEW_COLUMNS, read as an array (in their order): a page of 51 rows reads in about
 * 58 µs instead of 91 µs as objects from node:sqlite, which builds each object through V8's API.
 */
function pageRow(c: unknown[]): PageRow {
  return {
    id: c[0], customer_pk: c[1], transaction_id: c[2], type: c[3], direction: c[4], customer_id: c[5], points: c[6], amount: c[7],
    transaction_time: c[8], status: c[9], reason: c[10], expiry_date: c[11], balance_before: c[12], balance_after: c[13],
    achieved_reward_campaign_id: c[14], achievement_name: c[15], achieved_tier_id: c[16], merchant_name: c[17], branch_name: c[18],
  } as PageRow;
}

/** The WHERE clause and parameters of a listing; one statement text per combination of filters. */
function where(accountId: string, filters: Filters): { clause: string; params: Array<string | number> } {
  const parts = ['account_id = ?'];
  const params: Array<string | number> = [accountId];
  if (filters.customerId !== undefined) parts.push('customer_id = ?'), params.push(filters.customerId);
  if (filters.direction !== undefined) parts.push('direction = ?'), params.push(filters.direction);
  if (filters.status !== undefined) parts.push('status = ?'), params.push(filters.status);
  return { clause: parts.join(' AND '), params };
}

export interface LedgerPage {
  rows: PageRow[];
  hasMore: boolean;
}

async function pageOf(store: Store, accountId: string, query: PageQuery): Promise<LedgerPage> {
  const limit = query.limit ?? 50;
  const { clause, params } = where(accountId, query);
  const text = `SELECT ${VIEW_COLUMNS} FROM ledger_entries WHERE ${clause} AND id > ? ORDER BY id LIMIT ?`;
  // A brief read: on SQLite the reader thread reads the page while the event loop serves other requests.
  const rows = (await store.readBrief({ statement: sql(text, 'arrays'), params: [...params, query.startAfter ?? 0, limit + 1] })) as unknown[][];
  return { rows: rows.slice(0, limit).map(pageRow), hasMore: rows.length > limit };
}

/**
 * A page of the account's ledger in ascending ID order after `startAfter`; reads only. An empty
 * page for a customerId that is another ID of a merged profile (channel merging) is read again
 * for the profile's own ID, so the common case costs no extra query.
 */
export async function ledgerPage(store: Store, accountId: string, query: PageQuery): Promise<LedgerPage> {
  const first = await pageOf(store, accountId, query);
  if (first.rows.length > 0 || query.customerId === undefined) return first;
  const merged = await mergedInto(store, accountId, query.customerId);
  return merged === undefined ? first : pageOf(store, accountId, { ...query, customerId: merged });
}

/** How many entries of the account match the filters; another ID of a merged profile counts the profile's entries. */
export async function countEntries(q: Queryable, accountId: string, query: Filters): Promise<number> {
  const count = async (filters: Filters) => {
    const { clause, params } = where(accountId, filters);
    const row = await q.get<{ count: number }>(sql(`SELECT count(*) AS count FROM ledger_entries WHERE ${clause}`), params);
    return Number(row?.count ?? 0);
  };
  const first = await count(query);
  if (first > 0 || query.customerId === undefined) return first;
  const merged = await mergedInto(q, accountId, query.customerId);
  return merged === undefined ? first : count({ ...query, customerId: merged });
}

export interface CustomerFacts {
  id: number;
  attributes: string;
  email: string | null;
  deleted_at: string | null;
}

const CUSTOMER_FACTS = sql('SELECT id, attributes, email, deleted_at FROM customers WHERE id = ?');

/** Name, email and deletion of each customer of a page (one read per customer, deleted ones too). */
export async function customersOfPage(q: Queryable, page: LedgerPage): Promise<Map<number, CustomerFacts | undefined>> {
  const byId = new Map<number, CustomerFacts | undefined>();
  for (const pk of new Set(page.rows.map((row) => row.customer_pk))) byId.set(pk, await q.get<CustomerFacts>(CUSTOMER_FACTS, [pk]));
  return byId;
}
