import type { Clock } from '../clock.js';
import { errors } from '../errors.js';

/** How far ahead of the server's clock a transaction time may be, for clients' clock skew. */
export const FUTURE_TOLERANCE_MS = 60_000;

/** Normalises a transaction time to UTC ISO 8601; a time in the future is refused (9007). */
export function checkTransactionTime(value: string, clock: Clock): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw errors.invalidValue(`transactionTime '${value}' is not a date-time.`);
  if (time.getTime() > clock.now().getTime() + FUTURE_TOLERANCE_MS) {
    throw errors.futureTransactionTime(value);
  }
  return time.toISOString();
}
