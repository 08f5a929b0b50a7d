import type { components } from '@gameball-open/server-types';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}/coupons: no operation issues coupons yet, so every customer's list is empty. */
export async function listCustomerCoupons({ store, account }: Scope, customerId: string): Promise<components['schemas']['CustomerCouponList']> {
  await requireCustomer(store, account.id, customerId);
  return { coupons: [] };
}
