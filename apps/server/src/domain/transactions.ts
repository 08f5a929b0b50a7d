import type { components, QueryParams } from '@gameball-open/server-types';
import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import { errors } from '../errors.js';
import type { Store } from '../store/store.js';
import { requireCustomer } from './customers.js';
import { appendEntry, assertUnusedTransactionId, inTransaction, pointsBalance, toTransaction } from './ledger.js';
import { toDecimal } from './money.js';
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
    if (input.points < 0) {
      const available = await pointsBalance(tx, customer.id);
      if (points > available) throw errors.insufficientPoints(available, points);
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
      createdAt: clock.now().toISOString(),
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

/** A page of the account's ledger in ascending ID order, after `startAfter`. */
export async function listTransactions(
  store: Store,
  account: Account,
  query: QueryParams<'listTransactions'>,
): Promise<Schemas['TransactionPage']> {
  const limit = query.limit ?? 50;
  const rows = await filtered(store, account.id, query)
    .selectAll()
    .where('id', '>', query.startAfter ?? 0)
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map(toTransaction);
  return { transactions: page, count: page.length, hasMore: rows.length > limit };
}

export async function countTransactions(
  store: Store,
  account: Account,
  query: Filters,
): Promise<Schemas['TransactionCount']> {
  const row = await filtered(store, account.id, query)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return { count: Number(row.count) };
}
