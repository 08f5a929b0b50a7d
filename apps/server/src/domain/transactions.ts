import type { components, QueryParams } from '@gameball-open/server-types';
import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import { errors } from '../errors.js';
import type { Store } from '../store/store.js';
import { requireCustomer } from './customers.js';
import { appendEntry, assertUnusedTransactionId, inTransaction, toTransaction } from './ledger.js';
import { toDecimal } from './money.js';
import { expiryFrom } from '../program.js';
import { settleAccount, settleCustomer } from './settle.js';
import { checkTransactionTime } from './transaction-time.js';

type Schemas = components['schemas'];
type Filters = QueryParams<'countTransactions'>;

/** Adds (points > 0) or deducts (points < 0) points by hand. */
export async function createManualTransaction(
  store: Store,
  account: Account,
  clock: Clock,
  input: Schemas['ManualTransactionRequest'],
): Promise<Schemas['ManualTransactionResult']> {
  if (input.points === 0) throw errors.invalidValue('points must not be 0.');
  const transactionTime = checkTransactionTime(input.transactionTime, clock);
  const amount = input.amount === undefined ? null : toDecimal(input.amount);
  const points = Math.abs(input.points);
  return inTransaction(store, input.transactionId, async (tx) => {
    const customer = await requireCustomer(tx, store, account.id, input.customerId, true);
    await assertUnusedTransactionId(tx, account.id, 'manual', input.transactionId);
    const now = clock.now().toISOString();
    const wallet = await settleCustomer(tx, account, customer, now);
    if (input.points < 0 && points > wallet.available) {
      throw errors.insufficientPoints(Math.max(wallet.available, 0), points);
    }
    const entry = await appendEntry(tx, customer, {
      kind: 'manual',
      transactionId: input.transactionId,
      type: input.points > 0 ? 'ManualAccumulation' : 'ManualDeduction',
      direction: input.points > 0 ? '+' : '-',
      points,
      amount,
      status: 'Active',
      reason: input.reason,
      username: input.username,
      transactionTime,
      createdAt: now,
      activatedAt: input.points > 0 ? now : null,
      expiryDate: input.points > 0 ? expiryFrom(account.program, now) : null,
    });
    return {
      customerId: customer.customer_id,
      gameballTransactionId: entry.id,
      transactionId: entry.transaction_id,
      points: input.points,
      amount: input.amount ?? 0,
    };
  });
}

function filtered(store: Store, accountId: string, filters: Filters) {
  return store.db
    .selectFrom('ledger_entries')
    .where('account_id', '=', accountId)
    .$if(filters.direction !== undefined, (q) => q.where('direction', '=', filters.direction!))
    .$if(filters.status !== undefined, (q) => q.where('status', '=', filters.status!))
    .$if(filters.customerId !== undefined, (q) => q.where('customer_id', '=', filters.customerId!));
}

async function page(store: Store, account: Account, clock: Clock, query: QueryParams<'listTransactions'>) {
  await settleAccount(store, account, clock.now().toISOString());
  const limit = query.limit ?? 50;
  const rows = await filtered(store, account.id, query)
    .selectAll()
    .where('id', '>', query.startAfter ?? 0)
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** A page of the account's ledger in ascending ID order, after `startAfter`. */
export async function listTransactions(
  store: Store,
  account: Account,
  clock: Clock,
  query: QueryParams<'listTransactions'>,
): Promise<Schemas['TransactionPage']> {
  const { rows, hasMore } = await page(store, account, clock, query);
  return { transactions: rows.map(toTransaction), count: rows.length, hasMore };
}

/** The same page with each customer's name, email and whether the profile was deleted. */
export async function listCustomerViewTransactions(
  store: Store,
  account: Account,
  clock: Clock,
  query: QueryParams<'listCustomerViewTransactions'>,
): Promise<Schemas['CustomerViewPage']> {
  const { rows, hasMore } = await page(store, account, clock, query);
  const ids = [...new Set(rows.map((row) => row.customer_pk))];
  const customers = ids.length
    ? await store.db.selectFrom('customers').select(['id', 'attributes', 'email', 'deleted_at']).where('id', 'in', ids).execute()
    : [];
  const byId = new Map(customers.map((customer) => [customer.id, customer]));
  const transactions = rows.map((row) => {
    const customer = byId.get(row.customer_pk);
    const attributes = JSON.parse(customer?.attributes ?? '{}') as Record<string, string | undefined>;
    const fullName = [attributes.firstName, attributes.lastName].filter(Boolean).join(' ');
    return {
      ...toTransaction(row),
      customerName: attributes.displayName ?? (fullName || null),
      customerEmail: attributes.email ?? customer?.email ?? null,
      isCustomerDeleted: customer?.deleted_at != null,
    };
  });
  return { transactions, count: transactions.length, hasMore };
}

export async function countTransactions(
  store: Store,
  account: Account,
  clock: Clock,
  query: Filters,
): Promise<Schemas['TransactionCount']> {
  await settleAccount(store, account, clock.now().toISOString());
  const row = await filtered(store, account.id, query)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return { count: Number(row.count) };
}
