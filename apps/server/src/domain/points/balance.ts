import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import type { WalletRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';
import { findCustomer } from '../customers/customer-store.js';
import { toNumber } from '../shared/decimal.js';
import { valueOfPoints } from '../program/program.js';
import { NEVER } from './entry-types.js';
import { projectDueWork, type PointsNow } from './due-view.js';
import { walletOf } from './wallet.js';

type Row = Partial<WalletRow> & { id: number; next_expiry: string | null; next_expiry_points: number | null };

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

async function pointsNow(q: Queryable, scope: Scope, customerId: string, now: string): Promise<{ row: Row; points: PointsNow } | undefined> {
  const row = await q.get<Row>(BALANCE, [now, NEVER, now, NEVER, scope.account.id, customerId]);
  if (!row) return undefined;
  const wallet = walletOf(row.customer_pk === null || row.customer_pk === undefined ? undefined : (row as WalletRow), row.id, scope.account.id);
  const next = row.next_expiry ? { date: row.next_expiry, points: Number(row.next_expiry_points ?? 0) } : null;
  return { row, points: { ...wallet, nextExpiring: next } };
}

/**
 * The customer's points as of the clock, without writing anything: when activations, expiries
 * or hold expiries are due but not yet written by the sweeper, they are applied in memory.
 */
export async function readPoints(scope: Scope, requestedId: string): Promise<PointsNow> {
  const now = scope.clock.now().toISOString();
  let customerId = requestedId;
  let found = await pointsNow(scope.store, scope, customerId, now);
  if (!found) {
    // Another ID of a merged profile (channel merging): read the profile's own.
    const merged = await findCustomer(scope.store, scope.account.id, requestedId);
    if (merged) customerId = merged.customer_id;
    found = merged && (await pointsNow(scope.store, scope, customerId, now));
  }
  if (!found) throw errors.customerNotFound(requestedId);
  if (found.points.nextDueAt !== null && found.points.nextDueAt <= now) {
    found = await scope.store.snapshot(async (q) => {
      const again = await pointsNow(q, scope, customerId, now);
      if (!again) throw errors.customerNotFound(customerId);
      return { row: again.row, points: await projectDueWork(q, again.points, scope.account.program, now) };
    });
  }
  return found.points;
}

export async function getCustomerBalance(scope: Scope, customerId: string): Promise<components['schemas']['CustomerBalance']> {
  const { program } = scope.account;
  const p = await readPoints(scope, customerId);
  const value = (n: number) => toNumber(valueOfPoints(program, n));
  const available = Math.max(p.active - p.debt - p.held, 0);
  const next = p.nextExpiring;
  return {
    totalPointsBalance: p.balance,
    totalPointsValue: value(p.balance),
    availablePointsBalance: available,
    availablePointsValue: value(available),
    pendingPoints: p.pending,
    pendingPointsValue: value(p.pending),
    heldPoints: p.held,
    currency: program.currency,
    pointsName: program.pointsName,
    nextExpiringPointsAmount: next?.points ?? 0,
    nextExpiringPointsValue: value(next?.points ?? 0),
    nextExpiringPointsDate: next?.date ?? undefined, // left out when nothing is due to expire
    totalEarnedPoints: p.earned,
    score: { scoreBalance: p.score, scoreName: program.scoreName },
  };
}
