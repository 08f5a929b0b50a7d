import type { Clock } from '../../clock.js';
import { errors } from '../../errors.js';

/** How far ahead of the server's clock a transaction time may be, for clients' clock skew. */
export const FUTURE_TOLERANCE_MS = 60_000;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * An RFC 3339 date-time as an instant, or undefined when it is not one or names a moment that
 * does not exist (February 30, 24:00, minute 60): such dates are refused, never shifted.
 */
export function parseInstant(value: string): Date | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
  if (month < 1 || month > 12 || day < 1 || day > days || hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = match[8]!.toUpperCase();
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Normalises a transaction time to UTC ISO 8601; an impossible date is 3003, a future one 9007. */
export function checkTransactionTime(value: string, clock: Clock, field = 'transactionTime'): string {
  const time = parseInstant(value);
  if (!time) throw errors.invalidValue(`${field} '${value}' is not a valid date-time.`);
  if (time.getTime() > clock.now().getTime() + FUTURE_TOLERANCE_MS) throw errors.futureTransactionTime(value);
  return time.toISOString();
}
