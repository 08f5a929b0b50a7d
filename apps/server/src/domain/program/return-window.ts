import { expiryFrom, type LedgerProgram } from '../points/expiry.js';
import type { EntryStatus } from '../points/entry-types.js';

const DAY_MS = 86_400_000;

/**
 * When an earning's points can be spent: with a return window (the request's, else the
 * account's returnWindowDays) they stay Pending until it ends, then expire counted from then;
 * without one they are Active at once and expire counted from now. Nothing to wait for when
 * there are no points.
 */
export function earningTiming(
  program: LedgerProgram,
  windowDays: number,
  points: number,
  now: string,
): { status: EntryStatus; activatesAt: string | null; expiryDate: string | null } {
  const pending = windowDays > 0 && points > 0;
  return {
    status: pending ? 'Pending' : 'Active',
    activatesAt: pending ? new Date(Date.parse(now) + windowDays * DAY_MS).toISOString() : null,
    expiryDate: pending ? null : expiryFrom(program, now),
  };
}
