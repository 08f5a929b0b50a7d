import type { components } from '@gameball-open/server-types';
import { fromDecimal } from '../shared/money.js';
import type { HeldCoupon } from './coupon-store.js';
import { termsOf } from './coupon-terms.js';
import { isExpired, liveLockOf, unavailable, type Reason } from './usability.js';

type Schemas = components['schemas'];

const money = (value: string | null) => (value === null ? undefined : fromDecimal(value));
const count = (value: number | null) => (value === null ? undefined : Number(value));

/** The limits and entitlements a coupon carries, the same in every answer that shows them. */
function limitsAndEntitlements(c: HeldCoupon, terms = termsOf(c)) {
  return {
    usageLimit: count(c.usage_limit),
    limitPerCustomer: count(c.limit_per_customer),
    capping: money(c.capping),
    minOrderValue: money(c.min_order_value),
    entitledProductIds: terms.entitledProductIds,
    entitledVariantIds: terms.entitledVariantIds,
    entitledCollectionIds: terms.entitledCollectionIds,
    entitledMerchantIds: terms.entitledMerchantIds,
    combinesWith: terms.combinesWith,
  };
}

/** A coupon as the customer's list shows it, flagged as of `now`; what does not apply is left out. */
export function customerCouponView(c: HeldCoupon, now: string): Schemas['CustomerCoupon'] {
  const terms = termsOf(c);
  return {
    name: c.name,
    code: c.code,
    value: fromDecimal(c.value),
    type: c.type as Schemas['CouponType'],
    target: c.target as Schemas['CustomerCoupon']['target'],
    isManualCoupon: c.is_manual !== 0,
    currency: c.currency ?? undefined,
    startDate: c.start_date,
    expiryDate: c.expiry_date ?? undefined,
    isExpired: isExpired(c, now),
    isActive: c.is_active !== 0,
    usedCount: Number(c.used_count),
    customerUsedCount: Number(c.customer_used_count),
    ...limitsAndEntitlements(c, terms),
    entitledPlatforms: terms.entitledPlatforms,
    group: terms.group,
    isAvailableToUse: unavailable(c, now) === undefined,
    isLocked: liveLockOf(c, now) !== null,
  };
}

/** One checked code: its verdict, and the coupon's terms when the customer holds it. */
export function validatedView(code: string, c: HeldCoupon | undefined, reason: Reason | undefined): Schemas['ValidatedCoupon'] {
  if (!c) return { code, valid: false, reason: 'notFound' };
  return {
    code: c.code,
    valid: reason === undefined,
    reason,
    type: c.type as Schemas['ValidatedCoupon']['type'],
    value: fromDecimal(c.value),
    startDate: c.start_date,
    expiryDate: c.expiry_date ?? undefined,
    ...limitsAndEntitlements(c),
  };
}
