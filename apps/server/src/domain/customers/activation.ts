import { errors } from '../../errors.js';
import { sql, type Queryable } from '../../store/sql.js';
import { lockCustomer, type CustomerRow } from './customer-store.js';

const SET_ACTIVE = sql('UPDATE customers SET is_active = ?, updated_at = ? WHERE id = ?');

/**
 * Opts a customer in or out, in the caller's transaction. The same state again changes nothing
 * (answers false); an unknown customer is never created (404/7000). History is untouched; while
 * opted out the customer earns, redeems and holds nothing.
 */
export async function setActive(tx: Queryable, accountId: string, customerId: string, isActive: boolean, now: string): Promise<boolean> {
  const row = await lockCustomer(tx, accountId, customerId);
  if (!row) throw errors.customerNotFound(customerId);
  const changed = (row.is_active !== 0) !== isActive;
  if (changed) await tx.run(SET_ACTIVE, [isActive ? 1 : 0, now, row.id]);
  return changed;
}

/** Earning, redeeming and holding need a customer who has not opted out (422/3009). */
export function requireActive(customer: CustomerRow): void {
  if (customer.is_active === 0) throw errors.customerInactive(customer.customer_id);
}
