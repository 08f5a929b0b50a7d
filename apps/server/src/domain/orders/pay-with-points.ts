import { errors } from '../../errors.js';
import type { LedgerRow } from '../../store/schema.js';
import { openHoldOf } from '../points/holds.js';
import type { NewEntry } from '../points/ledger.js';
import type { Unit } from '../points/unit.js';
import { fromInteger, parseDecimal, type Decimal } from '../shared/decimal.js';

/**
 * How the purchase was paid with Gameball points: only through a hold. A legacy `redeemedAmount`
 * is money taken off the bill elsewhere (a POS redemption, a coupon), already inside
 * totalDiscount; it spends no Gameball points, so it is not part of this.
 */
export interface PointsPayment {
  holdReference: string | undefined;
}

/** What the entries of the purchase share: its kind, ID, time, order ID and merchant. */
export type EntryBase = Pick<NewEntry, 'kind' | 'transactionId' | 'transactionTime' | 'orderId' | 'merchantName' | 'branchName'>;

/**
 * Redeems the points a purchase was paid with, inside its unit of work: all the points of the
 * customer's open hold (9006 otherwise; 9008 when they are no longer there). Answers the Redemption entry, or null when nothing was
 * paid with Gameball points.
 */
export async function payWithPoints(unit: Unit, payment: PointsPayment, base: EntryBase): Promise<LedgerRow | null> {
  const { holdReference } = payment;
  if (holdReference === undefined) return null;
  if (unit.customer.is_active === 0) throw errors.customerInactive(unit.customer.customer_id);
  const hold = await openHoldOf(unit, holdReference);
  // The hold's points were reserved for this very purchase; 9008 when a cancelled reward took them meanwhile.
  return unit.spend({ ...base, type: 'Redemption', points: Number(hold.points), amount: hold.amount, status: 'Active' }, hold);
}

/** The stored amount of a redemption entry, or 0. */
export function redeemedMoney(entry: LedgerRow | null): Decimal {
  return entry ? parseDecimal(entry.amount ?? '0') : fromInteger(0);
}
