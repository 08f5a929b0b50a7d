import { sql, type Queryable } from '../../store/sql.js';
import { kindsWhere, sqlList } from '../points/entry-types.js';

const ACTIVATABLE = sql(
  `SELECT id, customer_pk FROM ledger_entries WHERE account_id = ? AND kind IN ${sqlList(kindsWhere((kind) => kind.activatable))} AND transaction_id = ?`,
);

/** The entry PUT /transactions/{transactionId}/activate names: a cashback reward by its transactionId. */
export function activatableEntry(q: Queryable, accountId: string, transactionId: string): Promise<{ id: number; customer_pk: number } | undefined> {
  return q.get<{ id: number; customer_pk: number }>(ACTIVATABLE, [accountId, transactionId]);
}
