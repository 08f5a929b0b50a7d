import { errors } from '../../errors.js';
import type { LedgerRow } from '../../store/schema.js';
import { closeHold, findHold } from '../points/holds.js';
import type { NewEntry } from '../points/ledger.js';
import type { Unit } from '../points/unit.js';
import { pointsForAmount } from '../program/program.js';
import { checkMinimum } from '../redemption/points-and-amount.js';
import { compare, fromInteger, parseDecimal, type Decimal } from '../shared/decimal.js';
import { checkPoints } from '../shared/limits.js';
import { storeMoney } from '../shared/money.js';

/** How the purchase was paid with points: a hold's reference, or (legacy) an amount without one. */
export interface PointsPayment {
  holdReference: string | undefined;
  redeemedAmount: Decimal | undefined;
}

/** What the entries of the purchase share: its kind, ID, time, order ID and merchant. */
export type EntryBase = Pick<NewEntry, 'kind' | 'transactionId' | 'transactionTime' | 'orderId' | 'merchantName' | 'branchName'>;

/**
 * Redeems the points a purchase was paid with, inside its unit of work: all the points of the
 * customer's open hold (9006 otherwise), or ceil(redeemedAmount / redemption factor) available
 * points (9008 when short; 3011 below the account's minimum). Answers the Redemption entry, or null when nothing was paid with points.
 */
export async function payWithPoints(unit: Unit, payment: PointsPayment, base: EntryBase): Promise<LedgerRow | null> {
  const { holdReference, redeemedAmount } = payment;
  const byAmount = redeemedAmount !== undefined && compare(redeemedAmount, fromInteger(0)) > 0;
  if (holdReference === undefined && !byAmount) return null;
  if (unit.customer.is_active === 0) throw errors.customerInactive(unit.customer.customer_id);
  if (holdReference !== undefined) {
    const hold = await findHold(unit.q, unit.account.id, holdReference);
    if (!hold || hold.customer_pk !== unit.customer.id || hold.state !== 'active' || hold.expires_at <= unit.now) {
      throw errors.holdNotFound(holdReference);
    }
    // The hold's points are reserved for this very purchase.
    const entry = await unit.append({ ...base, type: 'Redemption', points: Number(hold.points), amount: hold.amount, status: 'Active' });
    await closeHold(unit, hold, 'used', unit.now, entry.id);
    return entry;
  }
  const points = checkPoints(pointsForAmount(unit.account.program, redeemedAmount!), 'redeemedAmount in points');
  checkMinimum(unit.account, points);
  if (points > unit.available()) throw errors.insufficientPoints(Math.max(unit.available(), 0), points);
  return unit.append({ ...base, type: 'Redemption', points, amount: storeMoney(redeemedAmount!), status: 'Active' });
}

/** The stored amount of a redemption entry, or 0. */
export function redeemedMoney(entry: LedgerRow | null): Decimal {
  return entry ? parseDecimal(entry.amount ?? '0') : fromInteger(0);
}
