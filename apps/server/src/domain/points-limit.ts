import { errors } from '../errors.js';

/** The most points one transaction may move; keeps every balance an exact integer in JSON. */
export const MAX_POINTS = 1_000_000_000_000;

export function checkPoints(points: bigint | number, field = 'points'): number {
  if (BigInt(points) > BigInt(MAX_POINTS)) {
    throw errors.invalidValue(`${field} would be ${points}; one transaction moves at most ${MAX_POINTS} points.`);
  }
  return Number(points);
}
