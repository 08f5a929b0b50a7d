import type { Queryable } from '../../store/sql.js';
import { expiryFrom, type LedgerProgram } from './expiry.js';
import { dueHolds } from './holds.js';
import { dueActivations, dueExpiries } from './lots.js';
import type { WalletState } from './wallet.js';

/** A wallet's figures as of an instant, with the points that expire next. */
export type PointsNow = Omit<WalletState, 'stored' | 'dirty'> & { nextExpiring: { date: string; points: number } | null };

/**
 * What settling would write, applied in memory only: due pending points turn active (and may
 * already have expired), unspent points past their expiry are gone, due holds no longer hold.
 * The figures then equal those the settle-wallets job will leave behind.
 */
export async function projectDueWork(q: Queryable, stored: PointsNow, program: LedgerProgram, now: string): Promise<PointsNow> {
  const p = { ...stored };
  const expiring: Array<{ date: string; points: number }> = p.nextExpiring ? [p.nextExpiring] : [];
  for (const lot of await dueActivations(q, p.customerPk, now)) {
    const remaining = Number(lot.remaining);
    const expiresAt = expiryFrom(program, lot.activates_at!);
    p.pending -= remaining;
    if (expiresAt !== null && expiresAt <= now) {
      p.balance -= remaining;
      continue;
    }
    p.active += remaining;
    if (expiresAt !== null && remaining > 0) expiring.push({ date: expiresAt, points: remaining });
  }
  for (const lot of await dueExpiries(q, p.customerPk, now)) {
    p.active -= Number(lot.remaining);
    p.balance -= Number(lot.remaining);
  }
  for (const hold of await dueHolds(q, p.customerPk, now)) p.held -= Number(hold.points);
  const first = expiring.reduce<string | null>((min, e) => (min === null || e.date < min ? e.date : min), null);
  p.nextExpiring = first === null ? null : { date: first, points: expiring.filter((e) => e.date === first).reduce((s, e) => s + e.points, 0) };
  p.nextDueAt = null;
  return p;
}
