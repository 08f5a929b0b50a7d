import { errors } from '../../errors.js';
import type { LockCustomer } from '../points/unit-of-work.js';
import type { UnitScope } from '../points/unit.js';
import type { Program } from '../program/program.js';
import { createOrJoin } from './channel-merging.js';
import { lockCustomer, lockCustomerById } from './customer-store.js';

/**
 * Whose points: a live customer by customerId (created when unknown, if asked; with channel
 * merging an unknown ID whose email or mobile is known joins that profile), or any customer by gameballId.
 */
export type CustomerTarget =
  | { customerId: string; create?: boolean; email?: string | null | undefined; mobile?: string | null | undefined }
  | { customerPk: number };

/** How a unit of work finds and locks its customer: 404/7000 for an unknown one it may not create. */
export function lockTarget(scope: UnitScope<{ id: string; program: Program }>, target: CustomerTarget): LockCustomer {
  return async (q) => {
    const { account } = scope;
    if ('customerPk' in target) return { customer: await lockCustomerById(q, target.customerPk), created: false };
    const found = await lockCustomer(q, account.id, target.customerId);
    if (found) return { customer: found, created: false };
    if (!target.create) throw errors.customerNotFound(target.customerId);
    const values = { customerId: target.customerId, email: target.email, mobile: target.mobile };
    const { row, created } = await createOrJoin(q, account, values, scope.clock.now().toISOString());
    return { customer: row, created };
  };
}
