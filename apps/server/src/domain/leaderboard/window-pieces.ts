import type { TotalsLevel } from '../points/progress-totals.js';
import { BEGINNING, END } from './leaderboard-window.js';

/**
 * A window [from, to) cut into what the leaderboard sums: whole buckets of the stored totals
 * (a bucket counts when it starts inside the range), and at the edges the minutes no whole hour
 * covers, read from the ledger itself. Each piece is a range of ISO 8601 UTC instants.
 */
export interface WindowPiece {
  source: TotalsLevel | 'ledger';
  from: string;
  to: string;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

const floorTo = (t: number, unit: number) => t - (((t % unit) + unit) % unit);
const ceilTo = (t: number, unit: number) => (floorTo(t, unit) === t ? t : floorTo(t, unit) + unit);

/** The first instant of a month (Date.UTC would read the years 0-99 as 1900-1999). */
function monthStart(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 1);
  return date.getTime();
}
const floorMonth = (t: number) => monthStart(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth());
const ceilMonth = (t: number) => (floorMonth(t) === t ? t : monthStart(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + 1));

/**
 * The pieces of [from, to), in time order: the ledger up to the first whole hour, hours up to
 * the first whole day, days up to the first whole month, the whole months, then days, hours and
 * the ledger again down to `to`. A window without bounds is the one all-time bucket.
 */
export function windowPieces(from: string, to: string): WindowPiece[] {
  if (from === BEGINNING && to === END) return [{ source: 'all', from: BEGINNING, to: END }];
  const end = Date.parse(to);
  const pieces: WindowPiece[] = [];
  let at = Date.parse(from);
  const take = (source: WindowPiece['source'], until: number) => {
    if (until <= at) return;
    pieces.push({ source, from: new Date(at).toISOString(), to: new Date(until).toISOString() });
    at = until;
  };
  // Up to the coarsest whole bucket that fits, each bound no later than `to` ...
  take('ledger', Math.min(ceilTo(at, HOUR), end));
  take('hour', Math.min(ceilTo(at, DAY), floorTo(end, HOUR)));
  take('day', Math.min(ceilMonth(at), floorTo(end, DAY)));
  take('month', floorMonth(end));
  // ... then down again to `to`.
  take('day', floorTo(end, DAY));
  take('hour', floorTo(end, HOUR));
  take('ledger', end);
  return pieces;
}
