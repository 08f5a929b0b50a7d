import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { requireActive } from '../customers/activation.js';
import { expiryFrom } from '../program/program.js';
import { withCustomer } from '../points/unit-of-work.js';
import { checkPoints } from '../shared/limits.js';
import { toDecimal } from '../shared/money.js';
import { checkTransactionTime } from '../shared/transaction-time.js';

type Schemas = components['schemas'];

/** Adds (points > 0) or deducts (points < 0) points by hand; a deduction needs available points. */
export async function createManualTransaction(scope: Scope, input: Schemas['ManualTransactionRequest']): Promise<Schemas['ManualTransactionResult']> {
  if (input.points === 0) throw errors.invalidValue('points must not be 0.');
  const transactionTime = checkTransactionTime(input.transactionTime, scope.clock);
  const amount = input.amount === undefined ? null : toDecimal(input.amount);
  const points = checkPoints(Math.abs(input.points));
  const adding = input.points > 0;
  const idempotency = { kind: 'manual', transactionId: input.transactionId } as const;
  return withCustomer(scope, { customerId: input.customerId }, idempotency, async (unit) => {
    if (adding) requireActive(unit.customer);
    if (!adding && points > unit.available()) throw errors.insufficientPoints(Math.max(unit.available(), 0), points);
    const entry = await unit.append({
      ...idempotency,
      type: adding ? 'ManualAccumulation' : 'ManualDeduction',
      points,
      amount,
      status: 'Active',
      reason: input.reason,
      username: input.username,
      transactionTime,
      expiryDate: adding ? expiryFrom(scope.account.program, unit.now) : null,
    });
    return {
      customerId: unit.customer.customer_id,
      gameballTransactionId: entry.id,
      transactionId: entry.transaction_id,
      points: input.points,
      amount: input.amount ?? 0,
    };
  });
}
