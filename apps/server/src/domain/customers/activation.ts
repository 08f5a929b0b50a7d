import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { sql } from '../../store/sql.js';
import { lockCustomer, type CustomerRow } from './customer-store.js';

const SET_ACTIVE = sql('UPDATE customers SET is_active = ?, updated_at = ? WHERE id = ?');

/**
 * Opts a customer in or out (PUT /customers/{id}/activate). The same state again changes
 * nothing (`stateChanged: false`); an unknown customer is never created (404/7000). History is
 * untouched; while opted out the customer earns, redeems and holds nothing.
 */
export async function setCustomerActive({ store, account, clock }: Scope, customerId: string, isActive: boolean): Promise<components['schemas']['CustomerActivation']> {
  return store.transaction(async (tx) => {
    const row = await lockCustomer(tx, account.id, customerId);
    if (!row) throw errors.customerNotFound(customerId);
    const stateChanged = (row.is_active !== 0) !== isActive;
    if (stateChanged) await tx.run(SET_ACTIVE, [isActive ? 1 : 0, clock.now().toISOString(), row.id]);
    return { customerId, isActive, stateChanged };
  });
}

/** Earning, redeeming and holding need a customer who has not opted out (422/3009). */
export function requireActive(customer: CustomerRow): void {
  if (customer.is_active === 0) throw errors.customerInactive(customer.customer_id);
}
