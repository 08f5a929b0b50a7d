import { randomUUID } from 'node:crypto';
import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { requireActive } from '../customers/activation.js';
import { rotateHash } from '../customers/customer-store.js';
import { closeHold, findHold, placeHold } from '../points/holds.js';
import { withCustomer } from '../points/unit-of-work.js';
import { parseDecimal, toNumber } from '../shared/decimal.js';
import { exactlyOne } from '../shared/exactly-one.js';
import { storeMoney } from '../shared/money.js';
import { checkTransactionTime } from '../shared/transaction-time.js';
import { checkMinimum, pointsAndAmount } from './points-and-amount.js';
import { checkHash, useOtp, type Proof } from './proof.js';

type Schemas = components['schemas'];

/** Reserves available points for a later redemption by reference. */
export async function holdPoints(scope: Scope, input: Schemas['HoldRequest']): Promise<Schemas['HoldResult']> {
  const { account } = scope;
  const by = exactlyOne({ pointsToHold: input.pointsToHold, amountToHold: input.amountToHold, ruleId: input.ruleId });
  if (by === 'ruleId') throw errors.invalidValue(`Redemption rule '${input.ruleId}' does not exist.`);
  checkTransactionTime(input.transactionTime, scope.clock);
  const wanted = pointsAndAmount(account, input.pointsToHold, input.amountToHold);
  checkMinimum(account, wanted.points);
  return withCustomer(scope, { customerId: input.customerId }, null, async (unit) => {
    requireActive(unit.customer);
    checkHash(account, unit.customer, input as Proof);
    await useOtp(unit.q, account, unit.customer, input, wanted.points, unit.now);
    if (wanted.points > unit.available()) throw errors.insufficientPoints(Math.max(unit.available(), 0), wanted.points);
    const minutes = input.holdDurationMinutes ?? account.program.holdMinutes;
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

/** A hold as of the clock: an open hold past its time reads as expired. */
export async function getHold({ store, account, clock }: Scope, reference: string): Promise<Schemas['HoldState']> {
  const hold = await findHold(store, account.id, reference);
  if (!hold) throw errors.holdNotFound(reference);
  const expired = hold.state === 'active' && hold.expires_at <= clock.now().toISOString();
  return {
    customerId: hold.customer_id,
    holdAmount: toNumber(parseDecimal(hold.amount)),
    holdEquivalentPoints: Number(hold.points),
    state: (expired ? 'expired' : hold.state) as Schemas['HoldState']['state'],
    dateToExpire: hold.expires_at,
  };
}

/** Gives a hold's points back at once; only an open hold can be released. */
export async function releaseHold(scope: Scope, reference: string): Promise<Schemas['SuccessMessage']> {
  const found = await findHold(scope.store, scope.account.id, reference);
  if (!found) throw errors.holdNotFound(reference);
  await withCustomer(scope, { customerPk: found.customer_pk }, null, async (unit) => {
    const hold = await findHold(unit.q, scope.account.id, reference);
    if (!hold || hold.state !== 'active' || !(await closeHold(unit, hold, 'released'))) throw errors.holdNotFound(reference);
  });
  return { success: true, message: 'The hold was released.' };
}
