import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { requireActive } from '../customers/activation.js';
import { rotateHash } from '../customers/customer-store.js';
import { findHold } from '../points/holds.js';
import { withCustomer, type Unit } from '../points/unit-of-work.js';
import { parseDecimal, toNumber, type Decimal } from '../shared/decimal.js';
import { exactlyOne } from '../shared/exactly-one.js';
import { storeMoney } from '../shared/money.js';
import { checkTransactionTime } from '../shared/transaction-time.js';
import { checkMinimum, pointsAndAmount } from './points-and-amount.js';
import { checkHash, useOtp } from './proof.js';

type Schemas = components['schemas'];

/** The customer's open hold by its reference (9006 when unknown, someone else's, used, released or expired). */
async function openHold(unit: Unit, reference: string) {
  const hold = await findHold(unit.q, unit.account.id, reference);
  if (!hold || hold.customer_pk !== unit.customer.id || hold.state !== 'active' || hold.expires_at <= unit.now) {
    throw errors.holdNotFound(reference);
  }
  return hold;
}

/** Spends available points: by amount, by points, or all the points of a hold. */
export async function redeemPoints(scope: Scope, input: Schemas['RedeemRequest']): Promise<Schemas['RedeemResult']> {
  const by = exactlyOne({ amount: input.amount, points: input.points, holdReference: input.holdReference });
  const transactionTime = checkTransactionTime(input.transactionTime, scope.clock);
  const idempotency = { kind: 'redeem', transactionId: input.transactionId } as const;
  return withCustomer(scope, { customerId: input.customerId }, idempotency, async (unit) => {
    requireActive(unit.customer);
    checkHash(scope.account, unit.customer, input);
    let wanted: { points: number; amount: Decimal };
    const hold = by === 'holdReference' ? await openHold(unit, input.holdReference!) : undefined;
    if (hold) {
      wanted = { points: Number(hold.points), amount: parseDecimal(hold.amount) };
    } else {
      wanted = pointsAndAmount(scope.account, input.points, input.amount);
      checkMinimum(scope.account, wanted.points);
      await useOtp(unit.q, scope.account, unit.customer, input, wanted.points, unit.now);
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
