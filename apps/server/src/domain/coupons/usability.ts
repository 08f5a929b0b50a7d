import type { components } from '@gameball-open/server-types';
import { compare, parseDecimal, type Decimal } from '../shared/decimal.js';
import type { CouponRow, HeldCoupon } from './coupon-store.js';
import { termsOf } from './coupon-terms.js';

export type Reason = components['schemas']['CouponValidationReason'];

/** Why a coupon cannot be used now whatever the cart, in the order they are checked. */
export type Unavailable = 'inactive' | 'notStarted' | 'expired' | 'usageLimitReached' | 'customerLimitReached';

/**
 * Why the coupon cannot be used at `now`, or undefined when it can: it must be active, started,
 * not expired, and below its total and per-customer limits. This is `isAvailableToUse`; a lock
 * does not change it. Times are ISO strings, so they compare as text.
 */
export function unavailable(c: CouponRow, now: string): Unavailable | undefined {
  if (c.is_active === 0) return 'inactive';
  if (now < c.start_date) return 'notStarted';
  if (isExpired(c, now)) return 'expired';
  if (c.usage_limit !== null && Number(c.used_count) >= Number(c.usage_limit)) return 'usageLimitReached';
  if (c.limit_per_customer !== null && Number(c.customer_used_count) >= Number(c.limit_per_customer)) return 'customerLimitReached';
  return undefined;
}

export function isExpired(c: CouponRow, now: string): boolean {
  return c.expiry_date !== null && now >= c.expiry_date;
}

/** The live lock holding the coupon at `now`, or null (none, burned, released or lapsed). */
export function liveLockOf(c: HeldCoupon, now: string): number | null {
  return c.lock_id !== null && c.lock_state === 'live' && c.lock_expires_at !== null && c.lock_expires_at > now ? Number(c.lock_id) : null;
}

/** The cart a coupon is checked against (validateCoupon's body). */
export interface Cart {
  totalPurchaseAmount: Decimal | undefined;
  merchantId: string | undefined;
  /** collectionId and collectionsIds together. */
  collections: string[];
}

export interface Check {
  now: string;
  customerActive: boolean;
  cart: Cart;
  /** When the request locks: the id of its own lock (null for a new one). Undefined when it does not lock. */
  locking: number | null | undefined;
}

/**
 * The first reason the customer's coupon cannot be used for this cart, or undefined: the
 * customer opted out, the coupon is not available now, the cart is under its minimum, at a
 * merchant or without a collection it is limited to, or (only when locking) another live lock
 * holds it.
 */
export function reasonAgainst(c: HeldCoupon, check: Check): Reason | undefined {
  if (!check.customerActive) return 'customerInactive';
  const now = unavailable(c, check.now);
  if (now) return now;
  const { cart } = check;
  if (c.min_order_value !== null) {
    if (!cart.totalPurchaseAmount || compare(cart.totalPurchaseAmount, parseDecimal(c.min_order_value)) < 0) return 'minOrderValueNotMet';
  }
  const terms = termsOf(c);
  if (terms.entitledMerchantIds.length > 0 && (!cart.merchantId || !terms.entitledMerchantIds.includes(cart.merchantId))) return 'merchantNotEligible';
  if (terms.entitledCollectionIds.length > 0 && !cart.collections.some((id) => terms.entitledCollectionIds.includes(id))) return 'collectionNotEligible';
  if (check.locking !== undefined) {
    const holder = liveLockOf(c, check.now);
    if (holder !== null && holder !== check.locking) return 'locked';
  }
  return undefined;
}
