import type { components } from '@gameball-open/server-types';
import { requireActive } from '../../domain/customers/activation.js';
import { firstLotsAlongside } from '../../domain/customers/lock-target.js';
import { compare, fromInteger, multiply, toNumber } from '../../domain/shared/decimal.js';
import { checkPoints } from '../../domain/shared/limits.js';
import { storeMoney } from '../../domain/shared/money.js';
import { checkTransactionTime } from '../../domain/shared/transaction-time.js';
import { adjustmentOf, expiryOf } from '../../domain/transactions/manual-adjustment.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../with-customer.js';

type Schemas = components['schemas'];

const ZERO = fromInteger(0);

/** POST /transactions/manual: adds (points > 0) or deducts (points < 0) points by hand; a deduction needs available points. */
export async function createManualTransaction(scope: Scope, input: Schemas['ManualTransactionRequest']): Promise<Schemas['ManualTransactionResult']> {
  const { program } = scope.account;
  const adjustment = adjustmentOf(program, input);
  const adding = adjustment.points > 0;
  expiryOf(program, input.expiryAfter, adding, scope.clock.now().toISOString()); // refuses before anything is opened
  const transactionTime = input.transactionTime === undefined ? scope.clock.now().toISOString() : checkTransactionTime(input.transactionTime, scope.clock);
  const points = checkPoints(Math.abs(adjustment.points));
  const idempotency = { kind: 'manual', transactionId: input.transactionId } as const;
  // A deduction's first lots are read with the lock (on PostgreSQL in its round trip).
  const target = { customerId: input.customerId, ...(adding ? {} : { alongside: firstLotsAlongside }) };
  return withCustomer(scope, target, idempotency, async (unit) => {
    if (adding) requireActive(unit.customer);
    // A deduction spends: 9008 unless the available points cover it.
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
      gameballTransactionId: String(entry.id),
      transactionId: entry.transaction_id,
      points: adjustment.points,
      amount: toNumber(adjustment.amount),
    };
  });
}
