import type { components } from '@gameball-open/server-types';
import type { CouponRow } from '../../store/schema.js';

/** A coupon's display terms, stored as JSON in `coupons.terms`. */
export interface CouponTerms {
  entitledProductIds: string[];
  entitledVariantIds: string[];
  entitledCollectionIds: string[];
  entitledMerchantIds: string[];
  entitledPlatforms: string[];
  combinesWith: components['schemas']['CouponCombinesWith'];
  group?: { handle: string; url?: string; iconPath?: string };
}

const NONE: CouponTerms = {
  entitledProductIds: [],
  entitledVariantIds: [],
  entitledCollectionIds: [],
  entitledMerchantIds: [],
  entitledPlatforms: [],
  combinesWith: { orderDiscounts: true, productDiscounts: true, shippingDiscounts: true },
};

/** The coupon's terms; a list the row does not have is empty. */
export function termsOf(coupon: Pick<CouponRow, 'terms'>): CouponTerms {
  return { ...NONE, ...(JSON.parse(coupon.terms) as Partial<CouponTerms>) };
}

/** Terms as stored: the given ones over the defaults. */
export function termsText(terms: Partial<CouponTerms>): string {
  return JSON.stringify({ ...NONE, ...terms });
}
