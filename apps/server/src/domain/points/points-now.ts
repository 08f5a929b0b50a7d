import type { WalletRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';
import { NEVER } from './entry-types.js';
import type { PointsNow } from './due-view.js';
import { walletOf } from './wallet.js';

// One statement, so the figures come from one consistent view: the wallet and its next expiry.
const NEXT_EXPIRY = `SELECT min(l.expires_at) FROM lots l
  WHERE l.customer_pk = c.id AND l.remaining > 0 AND l.expires_at > ? AND l.expires_at < ? AND l.activated_at IS NOT NULL`;
const BALANCE = sql(
  `SELECT c.id, w.*, (${NEXT_EXPIRY}) AS next_expiry,
     (SELECT CAST(sum(m.remaining) AS bigint) FROM lots m WHERE m.customer_pk = c.id AND m.remaining > 0
        AND m.activated_at IS NOT NULL AND m.expires_at = (${NEXT_EXPIRY})) AS next_expiry_points
   FROM customers c LEFT JOIN wallets w ON w.customer_pk = c.id
   WHERE c.account_id = ? AND c.customer_id = ? AND c.deleted_at IS NULL`,
);

type Row = Partial<WalletRow> & { id: number; next_expiry: string | null; next_expiry_points: number | null };

/**
 * The stored wallet of the live customer with this very customerId (aliases not consulted) and
 * the points that expire next, as of `now`; undefined when there is no such customer. Due work
 * not yet written is not applied here (see projectDueWork).
 */
export async function storedPointsNow(q: Queryable, accountId: string, customerId: string, now: string): Promise<PointsNow | undefined> {
  const row = await q.get<Row>(BALANCE, [now, NEVER, now, NEVER, accountId, customerId]);
  if (!row) return undefined;
  const wallet = walletOf(row.customer_pk === null || row.customer_pk === undefined ? undefined : (row as WalletRow), row.id, accountId);
  const next = row.next_expiry ? { date: row.next_expiry, points: Number(row.next_expiry_points ?? 0) } : null;
  return { ...wallet, nextExpiring: next };
}
