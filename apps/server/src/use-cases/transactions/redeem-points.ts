import type { components } from '@gameball-open/server-types';
import { requireActive } from '../../domain/customers/activation.js';
import { firstLotsAlongside } from '../../domain/customers/lock-target.js';
import { rotateHash } from '../../domain/customers/customer-store.js';
import { openHoldOf } from '../../domain/points/holds.js';
import { checkMinimum, pointsAndAmount } from '../../domain/redemption/points-and-amount.js';
import { checkHash, useOtp } from '../../domain/redemption/proof.js';
import { parseDecimal, toNumber, type Decimal } from '../../domain/shared/decimal.js';
import { exactlyOne } from '../../domain/shared/exactly-one.js';
import { storeMoney } from '../../domain/shared/money.js';
import { checkTransactionTime } from '../../domain/shared/transaction-time.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../with-customer.js';

type Schemas = components['schemas'];

/** POST /transactions/redeem: spends available points, by amount, by points, or all the points of a hold. */
export async function redeemPoints(scope: Scope, input: Schemas['RedeemRequest']): Promise<Schemas['RedeemResult']> {
  const { program } = scope.account;
  const by = exactlyOne({ amount: input.amount, points: input.points, holdReference: input.holdReference });
  const transactionTime = checkTransactionTime(input.transactionTime, scope.clock);
  const idempotency = { kind: 'redeem', transactionId: input.transactionId } as const;
  // The lots the redemption takes its points from are read with the lock (on PostgreSQL in its round trip).
  return withCustomer(scope, { customerId: input.customerId, alongside: firstLotsAlongside }, idempotency, async (unit) => {
    requireActive(unit.customer);
    checkHash(program, unit.customer, input);
    let wanted: { points: number; amount: Decimal };
    const hold = by === 'holdReference' ? await openHoldOf(unit, input.holdReference!) : undefined;
    if (hold) {
      wanted = { points: Number(hold.points), amount: parseDecimal(hold.amount) };
    } else {
      wanted = pointsAndAmount(program, input.points, input.amount);
      checkMinimum(program, wanted.points);
      await useOtp(unit.q, program, unit.customer, input, wanted.points, unit.now);
    }
    // 9008 unless the available points (with a hold's own, reserved for this very redemption) cover it.
    const entry = await unit.spend({
      ...idempotency,
      type: 'Redemption',
      points: wanted.points,
      amount: storeMoney(wanted.amount),
      status: 'Active',
      reason: input.reason ?? null,
      transactionTime,
    }, hold);
    await rotateHash(unit.q, unit.customer.id);
    return {
      customerId: unit.customer.customer_id,
      gameballTransactionId: String(entry.id),
      transactionId: entry.transaction_id,
      redeemAmount: toNumber(wanted.amount),
      redeemEquivalentPoints: wanted.points,
      reason: entry.reason ?? undefined,
    };
  });
}
