import type { components } from '@gameball-open/server-types';
import { couponsOf } from '../../domain/coupons/coupon-store.js';
import { customerCouponView } from '../../domain/coupons/coupon-views.js';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import type { Scope } from '../../scope.js';

/**
 * GET /customers/{customerId}/coupons: every coupon of the customer, newest first, used up and
 * expired ones too, flagged as of now (isAvailableToUse, isExpired, isLocked): an expiry or a
 * lapsed lock is read from the clock, nothing rewrites it. An unknown customer is 404/7000.
 */
export async function listCustomerCoupons({ store, account, clock }: Scope, customerId: string): Promise<components['schemas']['CustomerCouponList']> {
  const now = clock.now().toISOString();
  return store.snapshot(async (q) => {
    const customer = await requireCustomer(q, account.id, customerId);
    return { coupons: (await couponsOf(q, customer.id)).map((coupon) => customerCouponView(coupon, now)) };
  });
}
