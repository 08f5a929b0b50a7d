import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import { expiryFrom } from '../points/expiry.js';
import { valueOfPoints, type Program } from '../program/program.js';
import { compare, divideCeil, divideFloor, fromInteger, multiply, type Decimal } from '../shared/decimal.js';
import { moneyFromJson } from '../shared/money.js';

type Schemas = components['schemas'];

const DAY_MS = 86_400_000;
const ZERO = fromInteger(0);

/** What a manual transaction moves: signed points and their signed money value. */
export interface Adjustment {
  points: number;
  amount: Decimal;
}

/**
 * The one rewarding criterion of POST /transactions/manual: `points`, or `amount` turned into
 * points by the redemption factor (rounded down when added, up when taken). 0 and null count as
 * not sent; both is 400, neither 400/3000.
 */
export function adjustmentOf(program: Program, input: Schemas['ManualTransactionRequest']): Adjustment {
  const points = input.points ?? 0;
  const amount = input.amount === undefined || input.amount === null ? ZERO : moneyFromJson(input.amount);
  const byAmount = compare(amount, ZERO) !== 0;
  if (points !== 0 && byAmount) throw errors.conflictingFields('Only one rewarding method may be specified: points or amount.');
  if (points !== 0) return { points, amount: valueOfPoints(program, points) };
  if (!byAmount) throw errors.missingArgument('A rewarding criteria is required: send points or amount.');
  const adding = compare(amount, ZERO) > 0;
  const whole = adding ? divideFloor(amount, program.redemptionFactor) : -divideCeil(multiply(amount, fromInteger(-1)), program.redemptionFactor);
  if (whole === 0n) throw errors.invalidValue(`amount ${input.amount} is worth less than one point.`);
  return { points: Number(whole), amount };
}

/** When the added points expire: `expiryAfter` days from now, else the account's default. */
export function expiryOf(program: Program, expiryAfter: number | null | undefined, adding: boolean, now: string): string | null {
  const days = expiryAfter ?? 0;
  if (days < 0) throw errors.conflictingFields('Expiry cannot be negative.');
  if (days !== 0 && !adding) throw errors.conflictingFields('Deduction cannot have expiry.');
  if (!adding) return null;
  return days === 0 ? expiryFrom(program, now) : new Date(Date.parse(now) + days * DAY_MS).toISOString();
}
