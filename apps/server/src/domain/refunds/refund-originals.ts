import type { LedgerRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';
import { kindFacts, kindsWhere, sqlList } from '../points/entry-types.js';

const ORIGINALS = sql(
  `SELECT * FROM ledger_entries WHERE account_id = ? AND transaction_id = ? AND customer_pk = ?
   AND kind IN ${sqlList(kindsWhere((kind) => kind.refund !== null))} ORDER BY id`,
);

/**
 * The customer's entries a refund naming `transactionId` reverses. A cashback and a redemption
 * under one transactionId are one purchase; an order's or payment's entries are theirs alone, so
 * when the ID also names an order or payment, the latest of those is meant and other kinds under
 * the same ID are left alone.
 */
export async function refundOriginals(q: Queryable, accountId: string, transactionId: string, customerPk: number): Promise<LedgerRow[]> {
  const found = await q.all<LedgerRow>(ORIGINALS, [accountId, transactionId, customerPk]);
  const purchase = found.findLast((row) => kindFacts(row.kind)?.purchase);
  return purchase ? found.filter((row) => row.kind === purchase.kind) : found;
}
