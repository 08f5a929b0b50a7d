import { sql } from 'kysely';
import type { components } from '@gameball-open/server-types';
import { errors } from '../errors.js';
import type { LedgerEntriesTable } from '../store/schema.js';
import { isUniqueViolation, type Store, type Tx } from '../store/store.js';
import type { CustomerRow } from './customers.js';
import { fromDecimal } from './money.js';

type Transaction = components['schemas']['Transaction'];
export type LedgerRow = Omit<LedgerEntriesTable, 'id' | 'score' | 'expiry_settled'> & {
  id: number;
  score: number;
  expiry_settled: number;
};

/** The balance (active and pending points) is the signed sum of the customer's entries. */
export async function pointsBalance(tx: Tx, customerPk: number): Promise<number> {
  const row = await tx
    .selectFrom('ledger_entries')
    .select(
      sql<number>`coalesce(sum(case when direction = '+' then points else -points end), 0)`.as(
        'balance',
      ),
    )
    .where('customer_pk', '=', customerPk)
    .executeTakeFirstOrThrow();
  return Number(row.balance);
}

export interface NewEntry {
  kind: string;
  transactionId: string;
  type: Transaction['type'];
  direction: '+' | '-';
  points: number;
  amount: string | null;
  status: Transaction['status'];
  reason?: string | null;
  username?: string | null;
  transactionTime: string;
  expiryDate?: string | null;
  createdAt: string;
  activatesAt?: string | null;
  activatedAt?: string | null;
  sourceEntryId?: number | null;
  score?: number;
}

/** Refuses a transactionId that this kind of operation has used before (9004). */
export async function assertUnusedTransactionId(
  tx: Tx,
  accountId: string,
  kind: string,
  transactionId: string,
): Promise<void> {
  const used = await tx
    .selectFrom('ledger_entries')
    .select('id')
    .where('account_id', '=', accountId)
    .where('kind', '=', kind)
    .where('transaction_id', '=', transactionId)
    .executeTakeFirst();
  if (used) throw errors.transactionIdUsed(transactionId);
}

/**
 * Appends an entry with the balance before and after it. Call inside a transaction that holds
 * the customer's lock; a concurrent reuse of the transactionId surfaces as 9004.
 */
export async function appendEntry(tx: Tx, customer: CustomerRow, entry: NewEntry): Promise<LedgerRow> {
  const before = await pointsBalance(tx, customer.id);
  const signed = entry.direction === '+' ? entry.points : -entry.points;
  const values = {
    account_id: customer.account_id,
    customer_pk: customer.id,
    customer_id: customer.customer_id,
    kind: entry.kind,
    transaction_id: entry.transactionId,
    type: entry.type,
    direction: entry.direction,
    points: entry.points,
    amount: entry.amount,
    status: entry.status,
    balance_before: before,
    balance_after: before + signed,
    reason: entry.reason ?? null,
    username: entry.username ?? null,
    transaction_time: entry.transactionTime,
    expiry_date: entry.expiryDate ?? null,
    created_at: entry.createdAt,
    activates_at: entry.activatesAt ?? null,
    activated_at: entry.activatedAt ?? null,
    source_entry_id: entry.sourceEntryId ?? null,
    score: entry.score ?? 0,
  };
  try {
    const { id } = await tx.insertInto('ledger_entries').values(values).returning('id').executeTakeFirstOrThrow();
    return { id, ...values, expiry_settled: 0 };
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.transactionIdUsed(entry.transactionId);
    throw error;
  }
}

/** Runs a points-moving change in one transaction; a unique violation at commit becomes 9004. */
export async function inTransaction<T>(store: Store, transactionId: string, work: (tx: Tx) => Promise<T>) {
  try {
    return await store.db.transaction().execute(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.transactionIdUsed(transactionId);
    throw error;
  }
}

export function toTransaction(row: LedgerRow): Transaction {
  return {
    transactionId: row.transaction_id,
    gameballTransactionId: String(row.id),
    type: row.type as Transaction['type'],
    direction: row.direction,
    customerId: row.customer_id,
    points: row.points,
    amount: fromDecimal(row.amount),
    transactionTime: row.transaction_time,
    status: row.status as Transaction['status'],
    couponCode: null,
    isCouponUsed: false,
    couponType: null,
    merchantName: null,
    branchName: null,
    reason: row.reason,
    achievementName: null,
    expiryDate: row.expiry_date,
    pointsBalanceBefore: row.balance_before,
    pointsBalanceAfter: row.balance_after,
    achievementType: null,
    achievedRewardCampaignId: null,
    achievedTierId: null,
  };
}
