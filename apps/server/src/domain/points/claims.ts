import { later, sql, type Queryable } from '../../store/sql.js';
import type { OperationKind } from './entry-types.js';

const CLAIM = sql(
  'INSERT INTO used_transaction_ids (account_id, kind, transaction_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
);

/** Claims a transactionId for one kind of operation in the account: false when it was used before. */
export async function claimTransactionId(q: Queryable, accountId: string, kind: OperationKind, transactionId: string, now: string): Promise<boolean> {
  return (await q.run(CLAIM, [accountId, kind, transactionId, now])) > 0;
}

/**
 * Claims a transactionId that names a customer this transaction created (so nobody can hold it
 * yet), without waiting for the answer: on PostgreSQL it goes out with what follows.
 */
export async function claimNewTransactionId(q: Queryable, accountId: string, kind: OperationKind, transactionId: string, now: string): Promise<void> {
  await later(q, CLAIM, [accountId, kind, transactionId, now]);
}
