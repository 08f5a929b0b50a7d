import { randomUUID } from 'node:crypto';
import type { components } from '@gameball-open/server-types';
import { activeRule } from '../../domain/coupons/redemption-rules.js';
import { requireActive } from '../../domain/customers/activation.js';
import { rotateHash } from '../../domain/customers/customer-store.js';
import { placeHold } from '../../domain/points/holds.js';
import { checkMinimum, pointsAndAmount } from '../../domain/redemption/points-and-amount.js';
import { checkHash, useOtp, type Proof } from '../../domain/redemption/proof.js';
import { toNumber } from '../../domain/shared/decimal.js';
import { exactlyOne } from '../../domain/shared/exactly-one.js';
import { storeMoney } from '../../domain/shared/money.js';
import { checkTransactionTime } from '../../domain/shared/transaction-time.js';
import type { Scope } from '../../scope.js';
import { errors } from '../../errors.js';
import { withCustomer } from '../with-customer.js';

type Schemas = components['schemas'];

/** POST /transactions/hold: reserves available points (a number, an amount's worth, or an active redemption rule's cost) for a later redemption by reference. */
export async function holdPoints(scope: Scope, input: Schemas['HoldRequest']): Promise<Schemas['HoldResult']> {
  const { program } = scope.account;
  const by = exactlyOne({ pointsToHold: input.pointsToHold, amountToHold: input.amountToHold, ruleId: input.ruleId });
  const rule = by === 'ruleId' ? activeRule(program.redemptionRules, input.ruleId!) : undefined;
  checkTransactionTime(input.transactionTime, scope.clock);
  const wanted = pointsAndAmount(program, rule?.pointsToRedeem ?? input.pointsToHold, input.amountToHold);
  checkMinimum(program, wanted.points);
  return withCustomer(scope, { customerId: input.customerId }, null, async (unit) => {
    requireActive(unit.customer);
    checkHash(program, unit.customer, input as Proof);
    await useOtp(unit.q, program, unit.customer, input, wanted.points, unit.now);
    if (wanted.points > unit.available()) throw errors.insufficientPoints(Math.max(unit.available(), 0), wanted.points);
    const minutes = input.holdDurationMinutes ?? program.holdMinutes;
    const reference = randomUUID();
    const expiresAt = new Date(Date.parse(unit.now) + minutes * 60_000).toISOString();
    await placeHold(unit, unit.customer, { reference, points: wanted.points, amount: storeMoney(wanted.amount), expiresAt });
    await rotateHash(unit.q, unit.customer.id);
    return {
      customerId: unit.customer.customer_id,
      holdAmount: toNumber(wanted.amount),
      holdEquivalentPoints: wanted.points,
      holdReference: reference,
    };
  });
}
