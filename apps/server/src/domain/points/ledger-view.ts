import type { components } from '@gameball-open/server-types';
import type { LedgerRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';

type LedgerEntry = components['schemas']['ReferenceLedgerEntry'];

const LATEST = sql('SELECT * FROM ledger_entries WHERE customer_pk = ? ORDER BY id DESC LIMIT ?');

/** A customer's latest `limit` ledger entries as written, newest first (the reference tools' raw view). */
export async function latestEntries(q: Queryable, customerPk: number, limit: number): Promise<LedgerEntry[]> {
  return (await q.all<LedgerRow>(LATEST, [customerPk, limit])).map(entryView);
}

function entryView(row: LedgerRow): LedgerEntry {
  return {
    gameballTransactionId: Number(row.id),
    operation: row.kind as LedgerEntry['operation'],
    transactionId: row.transaction_id,
    type: row.type as LedgerEntry['type'],
    direction: row.direction,
    points: Number(row.points),
    status: row.status as LedgerEntry['status'],
    balanceBefore: Number(row.balance_before),
    balanceAfter: Number(row.balance_after),
    transactionTime: row.transaction_time,
    createdAt: row.created_at,
    ...(row.expiry_date === null ? {} : { expiryDate: row.expiry_date }),
    ...(row.activates_at === null ? {} : { activatesAt: row.activates_at }),
    ...(row.reason === null ? {} : { reason: row.reason }),
    ...(row.order_id === null ? {} : { orderId: row.order_id }),
  };
}
