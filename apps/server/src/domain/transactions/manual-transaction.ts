import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { requireActive } from '../customers/activation.js';
import { expiryFrom, valueOfPoints, type Program } from '../program/program.js';
import { withCustomer } from '../points/unit-of-work.js';
import { compare, divideCeil, divideFloor, fromInteger, multiply, toNumber, type Decimal } from '../shared/decimal.js';
import { checkPoints } from '../shared/limits.js';
import { moneyFromJson, storeMoney } from '../shared/money.js';
import { checkTransactionTime } from '../shared/transaction-time.js';

type Schemas = components['schemas'];

const DAY_MS = 86_400_000;
const ZERO = fromInteger(0);

/** What a manual transaction moves: signed points and their signed money value. */
interface Adjustment {
  points: number;
  amount: Decimal;
}

/**
 * The one rewarding criterion of the request (behaviour §5.5): `points`, or `amount` turned into
 * points by the redemption factor (rounded down when added, up when taken). 0 and null count as
 * not sent; both is 400, neither 400/3000.
 */
function adjustmentOf(program: Program, input: Schemas['ManualTransactionRequest']): Adjustment {
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
function expiryOf(program: Program, expiryAfter: number | null | undefined, adding: boolean, now: string): string | null {
  const days = expiryAfter ?? 0;
  if (days < 0) throw errors.conflictingFields('Expiry cannot be negative.');
  if (days !== 0 && !adding) throw errors.conflictingFields('Deduction cannot have expiry.');
  if (!adding) return null;
  return days === 0 ? expiryFrom(program, now) : new Date(Date.parse(now) + days * DAY_MS).toISOString();
}

/** Adds (points > 0) or deducts (points < 0) points by hand; a deduction needs available points. */
export async function createManualTransaction(scope: Scope, input: Schemas['ManualTransactionRequest']): Promise<Schemas['ManualTransactionResult']> {
  const { program } = scope.account;
  const adjustment = adjustmentOf(program, input);
  const adding = adjustment.points > 0;
  expiryOf(program, input.expiryAfter, adding, scope.clock.now().toISOString()); // refuses before anything is opened
  const transactionTime = input.transactionTime === undefined ? scope.clock.now().toISOString() : checkTransactionTime(input.transactionTime, scope.clock);
  const points = checkPoints(Math.abs(adjustment.points));
  const idempotency = { kind: 'manual', transactionId: input.transactionId } as const;
  return withCustomer(scope, { customerId: input.customerId }, idempotency, async (unit) => {
    if (adding) requireActive(unit.customer);
    const entry = await (adding ? unit.append : unit.spend)({
      ...idempotency,
      type: adding ? 'ManualAccumulation' : 'ManualDeduction',
      points,
      amount: storeMoney(compare(adjustment.amount, ZERO) < 0 ? multiply(adjustment.amount, fromInteger(-1)) : adjustment.amount),
      status: 'Active',
      reason: input.reason,
      username: input.username,
      transactionTime,
      expiryDate: expiryOf(program, input.expiryAfter, adding, unit.now),
    });
    return {
      customerId: unit.customer.customer_id,
      gameballTransactionId: entry.id,
      transactionId: entry.transaction_id,
      points: adjustment.points,
      amount: toNumber(adjustment.amount),
    };
  });
}
