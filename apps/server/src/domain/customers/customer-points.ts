import { errors } from '../../errors.js';
import type { Queryable } from '../../store/sql.js';
import { projectDueWork, type PointsNow } from '../points/due-view.js';
import { storedPointsNow } from '../points/points-now.js';
import type { UnitScope } from '../points/unit.js';
import { findCustomer } from './customer-store.js';

/**
 * The customer's points as of the clock, without writing anything: when activations, expiries
 * or hold expiries are due but not yet written by the settle-wallets job, they are applied in
 * memory. Another ID of a merged profile (channel merging) reads the profile's own.
 */
export async function readPoints(scope: UnitScope, requestedId: string): Promise<PointsNow> {
  const { store, account } = scope;
  const now = scope.clock.now().toISOString();
  let customerId = requestedId;
  let found = await storedPointsNow(store, account.id, customerId, now);
  if (!found) {
    const merged = await findCustomer(store, account.id, requestedId);
    if (merged) customerId = merged.customer_id;
    found = merged && (await storedPointsNow(store, account.id, customerId, now));
  }
  if (!found) throw errors.customerNotFound(requestedId);
  if (found.nextDueAt !== null && found.nextDueAt <= now) {
    found = await store.snapshot(async (q: Queryable) => {
      const again = await storedPointsNow(q, account.id, customerId, now);
      if (!again) throw errors.customerNotFound(customerId);
      return projectDueWork(q, again, account.program, now);
    });
  }
  return found;
}
