import { randomUUID } from 'node:crypto';
import type { components } from '@gameball-open/server-types';
import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import { errors } from '../errors.js';
import { pointsForAmount, valueOfPoints } from '../program.js';
import type { Store, Tx } from '../store/store.js';
import { lockCustomerById, requireCustomer, type CustomerRow } from './customers.js';
import { parseDecimal, toNumber, type Decimal } from './decimal.js';
import { checkHash, exactlyOne, rotateHash, useOtp, type Proof } from './guards.js';
import { appendEntry, assertUnusedTransactionId, inTransaction } from './ledger.js';
import { moneyFromJson, storeMoney } from './money.js';
import { checkPoints } from './points-limit.js';
import { settleCustomer } from './settle.js';
import { checkTransactionTime } from './transaction-time.js';

type Schemas = components['schemas'];

/** Points and their money value, from either side. */
function pointsAndAmount(account: Account, byPoints: number | null | undefined, byAmount: number | null | undefined) {
  if (byPoints) return { points: checkPoints(byPoints), amount: valueOfPoints(account.program, byPoints) };
  const amount = moneyFromJson(byAmount!);
  return { points: checkPoints(pointsForAmount(account.program, amount)), amount };
}

function checkMinimum(account: Account, points: number): void {
  if (points < account.program.minRedeemPoints) {
    throw errors.limitExceeded(`At least ${account.program.minRedeemPoints} points must be redeemed at once; got ${points}.`);
  }
}

/** The live hold of this account by its reference, locked with its customer. */
async function activeHold(tx: Tx, account: Account, reference: string, customer: CustomerRow, now: string) {
  const hold = await tx
    .selectFrom('holds')
    .selectAll()
    .where('account_id', '=', account.id)
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!hold || hold.customer_pk !== customer.id || hold.state !== 'active' || hold.expires_at <= now) {
    throw errors.holdNotFound(reference);
  }
  return hold;
}

/** Spends available points: by amount, by points, or the points of a hold. */
export async function redeemPoints(
  store: Store,
  account: Account,
  clock: Clock,
  input: Schemas['RedeemRequest'],
): Promise<Schemas['RedeemResult']> {
  const by = exactlyOne({ amount: input.amount, points: input.points, holdReference: input.holdReference });
  const transactionTime = checkTransactionTime(input.transactionTime, clock);
  return inTransaction(store, input.transactionId, async (tx) => {
    const now = clock.now().toISOString();
    const customer = await requireCustomer(tx, store, account.id, input.customerId, true);
    await assertUnusedTransactionId(tx, account.id, 'redeem', input.transactionId);
    checkHash(account, customer, input);
    const points = await settleCustomer(tx, account, customer, now);
    let wanted: { points: number; amount: Decimal };
    let holdId: number | undefined;
    let available = points.available;
    if (by === 'holdReference') {
      const hold = await activeHold(tx, account, input.holdReference!, customer, now);
      wanted = { points: Number(hold.points), amount: parseDecimal(hold.amount) };
      holdId = hold.id;
      available += wanted.points; // the hold's own points are reserved for this very redemption
    } else {
      wanted = pointsAndAmount(account, input.points, input.amount);
      checkMinimum(account, wanted.points);
      await useOtp(tx, account, customer, input, wanted.points, now);
    }
    if (wanted.points > available) throw errors.insufficientPoints(Math.max(available, 0), wanted.points);
    const entry = await appendEntry(tx, customer, {
      kind: 'redeem',
      transactionId: input.transactionId,
      type: 'Redemption',
      direction: '-',
      points: wanted.points,
      amount: storeMoney(wanted.amount),
      status: 'Active',
      reason: input.reason ?? null,
      transactionTime,
      createdAt: now,
    });
    if (holdId !== undefined) {
      await tx
        .updateTable('holds')
        .set({ state: 'used', closed_at: now, redemption_entry_id: entry.id })
        .where('id', '=', holdId)
        .execute();
    }
    await rotateHash(tx, customer);
    return {
      customerId: customer.customer_id,
      gameballTransactionId: String(entry.id),
      transactionId: entry.transaction_id,
      redeemAmount: toNumber(wanted.amount),
      redeemEquivalentPoints: wanted.points,
      reason: entry.reason,
    };
  });
}

/** Reserves available points for a later redemption by reference. */
export async function holdPoints(
  store: Store,
  account: Account,
  clock: Clock,
  input: Schemas['HoldRequest'],
): Promise<Schemas['HoldResult']> {
  const by = exactlyOne({ pointsToHold: input.pointsToHold, amountToHold: input.amountToHold, ruleId: input.ruleId });
  if (by === 'ruleId') throw errors.invalidValue(`Redemption rule '${input.ruleId}' does not exist.`);
  checkTransactionTime(input.transactionTime, clock);
  const wanted = pointsAndAmount(account, input.pointsToHold, input.amountToHold);
  checkMinimum(account, wanted.points);
  return store.db.transaction().execute(async (tx) => {
    const now = clock.now();
    const nowIso = now.toISOString();
    const customer = await requireCustomer(tx, store, account.id, input.customerId, true);
    checkHash(account, customer, input as Proof);
    const points = await settleCustomer(tx, account, customer, nowIso);
    await useOtp(tx, account, customer, input, wanted.points, nowIso);
    if (wanted.points > points.available) throw errors.insufficientPoints(Math.max(points.available, 0), wanted.points);
    const minutes = input.holdDurationMinutes ?? account.program.holdMinutes;
    const reference = randomUUID();
    await tx
      .insertInto('holds')
      .values({
        account_id: account.id,
        customer_pk: customer.id,
        customer_id: customer.customer_id,
        reference,
        points: wanted.points,
        amount: storeMoney(wanted.amount),
        state: 'active',
        expires_at: new Date(now.getTime() + minutes * 60_000).toISOString(),
        created_at: nowIso,
      })
      .execute();
    await rotateHash(tx, customer);
    return {
      customerId: customer.customer_id,
      holdAmount: toNumber(wanted.amount),
      holdEquivalentPoints: wanted.points,
      holdReference: reference,
    };
  });
}

async function findHold(store: Store, account: Account, reference: string) {
  const hold = await store.db
    .selectFrom('holds')
    .selectAll()
    .where('account_id', '=', account.id)
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!hold) throw errors.holdNotFound(reference);
  return hold;
}

export async function getHold(store: Store, account: Account, clock: Clock, reference: string): Promise<Schemas['HoldState']> {
  const hold = await findHold(store, account, reference);
  const expired = hold.state === 'active' && hold.expires_at <= clock.now().toISOString();
  return {
    customerId: hold.customer_id,
    holdAmount: toNumber(parseDecimal(hold.amount)),
    holdEquivalentPoints: Number(hold.points),
    state: (expired ? 'expired' : hold.state) as Schemas['HoldState']['state'],
    dateToExpire: hold.expires_at,
  };
}

/** Gives a hold's points back at once; only an active hold can be released. */
export async function releaseHold(store: Store, account: Account, clock: Clock, reference: string): Promise<Schemas['SuccessMessage']> {
  const { customer_pk } = await findHold(store, account, reference);
  await store.db.transaction().execute(async (tx) => {
    const now = clock.now().toISOString();
    const customer = await lockCustomerById(tx, store, customer_pk);
    await settleCustomer(tx, account, customer, now);
    const released = await tx
      .updateTable('holds')
      .set({ state: 'released', closed_at: now })
      .where('account_id', '=', account.id)
      .where('reference', '=', reference)
      .where('state', '=', 'active')
      .executeTakeFirst();
    if (Number(released.numUpdatedRows) === 0) throw errors.holdNotFound(reference);
  });
  return { success: true, message: 'The hold was released.' };
}
