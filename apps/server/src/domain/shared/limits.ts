import { errors } from '../../errors.js';

/** The most points one transaction may move. */
export const MAX_POINTS = 1_000_000_000_000;

/**
 * The most points (and score) a customer's balance, lifetime earnings or score may reach:
 * 10^15, well inside the 2^53 that JSON numbers and both databases carry exactly. An earning
 * that would pass it is refused (422/3011) and writes nothing.
 */
export const MAX_BALANCE = 1_000_000_000_000_000;

/** Lifetime earned points and score may grow further, but stay exact: below 2^53 (about 9 x 10^15). */
export const MAX_TOTAL = 9_000_000_000_000_000;

export function checkPoints(points: bigint | number, field = 'points'): number {
  if (BigInt(points) > BigInt(MAX_POINTS)) {
    throw errors.invalidValue(`${field} would be ${points}; one transaction moves at most ${MAX_POINTS} points.`);
  }
  return Number(points);
}

/** Refuses a figure that would pass its limit: MAX_BALANCE for balances, MAX_TOTAL for lifetime totals. */
export function checkLimit(value: number, what: string, limit = MAX_BALANCE): void {
  if (value > limit) throw errors.limitExceeded(`The customer's ${what} would pass ${limit}, the most one customer may reach.`);
}

/**
 * The largest serial ID: PostgreSQL's serial keys are int4, and comparing one with a larger
 * parameter is an error there (SQLite just finds nothing). An ID past it names no row, so a
 * lookup or cursor beyond it is answered without asking the database.
 */
export const MAX_SERIAL_ID = 2_147_483_647;
