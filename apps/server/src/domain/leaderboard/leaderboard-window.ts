import { errors } from '../../errors.js';

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?)?$/;

/** The earliest and latest instants the stored times are compared with (they sort as text). */
export const BEGINNING = '0000-01-01T00:00:00.000Z';
export const END = '9999-12-31T23:59:59.999Z';

/**
 * Reads a leaderboard bound: `yyyy-MM-dd HH:mm` (the documented form, UTC), a date, or an ISO
 * instant. A bound is as precise as it is written: `to` covers the whole minute, day or second it
 * names, so the window is [from, to + its precision). An impossible date is 422/3003.
 */
export function windowBound(value: string | undefined, field: 'from' | 'to'): string {
  if (value === undefined) return field === 'from' ? BEGINNING : END;
  const match = FORMAT.exec(value.trim());
  if (!match) throw errors.invalidValue(`${field} must be written yyyy-MM-dd HH:mm (UTC).`);
  const [, y, mo, d, h = '00', mi = '00', s, ms] = match;
  const start = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((ms ?? '0').padEnd(3, '0')));
  const date = new Date(start);
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) {
    throw errors.invalidValue(`${field} is not a real date and time: ${value}.`);
  }
  if (field === 'from') return date.toISOString();
  const precision = ms !== undefined ? 1 : s !== undefined ? 1000 : match[4] !== undefined ? 60_000 : 86_400_000;
  const end = start + precision;
  return end > Date.parse(END) ? END : new Date(end).toISOString();
}
