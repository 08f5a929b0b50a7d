import { addMonths } from '../shared/calendar.js';

/** How long active points last before they expire. */
export interface PointsExpiry {
  after: number;
  unit: 'days' | 'months' | 'years';
}

/** What the ledger needs of an account's program: when the points it writes expire. */
export interface LedgerProgram {
  pointsExpiry: PointsExpiry | null;
}

/**
 * The instant points activated at `from` expire, or null when they never do: days are 24-hour
 * days; months and years are calendar months, a day the target month lacks becoming its last.
 */
export function expiryFrom(program: LedgerProgram, from: string): string | null {
  const expiry = program.pointsExpiry;
  if (!expiry) return null;
  const start = new Date(from);
  if (expiry.unit === 'days') return new Date(start.getTime() + expiry.after * 86_400_000).toISOString();
  return addMonths(start, expiry.unit === 'months' ? expiry.after : expiry.after * 12).toISOString();
}
