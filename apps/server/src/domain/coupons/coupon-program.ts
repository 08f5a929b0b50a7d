import type { Program } from '../program/program.js';
import { booleanOf, integerOf, listOf, objectOf, oneOf, type Raw } from '../program/config-readers.js';
import { parsePromotions, type Promotion } from './promotion-config.js';
import { ALL_RULE_COUPON_TYPES, parseRedemptionRules, type RedemptionRule, type RuleCouponType } from './redemption-rules.js';

/**
 * The account's coupon settings (getCouponRewardsConfiguration): the accounts file's
 * `program.coupons` gives the starting values, updateCouponRewardsConfiguration changes them
 * in the database (coupon-settings.ts). Null means no limit, no default expiry, no cap.
 */
export interface CouponSettings {
  /** False: generateCoupon answers 403/8000. */
  enabled: boolean;
  /** The most usable coupons one customer may hold. */
  maximumCoupons: number | null;
  /** The coupon types rules may issue; a rule of another type is treated as inactive. */
  couponTypes: RuleCouponType[];
  defaultExpiryDays: number | null;
  maxExpiryDays: number | null;
}

/** The part of an account's program that coupons read. */
export interface CouponProgram extends Program {
  redemptionRules: RedemptionRule[];
  couponSettings: CouponSettings;
  /** Automatic promotions (evaluateAutomaticCoupons). */
  promotions: Promotion[];
}

export const DEFAULT_COUPON_SETTINGS: CouponSettings = {
  enabled: true,
  maximumCoupons: null,
  couponTypes: [...ALL_RULE_COUPON_TYPES],
  defaultExpiryDays: null,
  maxExpiryDays: null,
};

const orNull = (value: unknown, read: (value: unknown) => number): number | null => (value === undefined || value === null ? null : read(value));

/** Reads `redemptionRules`, `coupons` and `promotions` of an account's `program` block. */
export function parseCouponProgram(given: Raw, where: string): Pick<CouponProgram, 'redemptionRules' | 'couponSettings' | 'promotions'> {
  const raw = objectOf(given.coupons, `${where}.coupons`);
  const at = (name: string) => `${where}.coupons.${name}`;
  const types = raw.couponTypes === undefined ? DEFAULT_COUPON_SETTINGS.couponTypes : listOf(raw.couponTypes, at('couponTypes'));
  return {
    redemptionRules: parseRedemptionRules(given.redemptionRules, `${where}.redemptionRules`),
    couponSettings: {
      enabled: booleanOf(raw.enabled ?? true, at('enabled')),
      maximumCoupons: orNull(raw.maximumCoupons, (v) => integerOf(v, at('maximumCoupons'), 1, 1_000_000)),
      couponTypes: [...new Set(types.map((t, i) => oneOf(t, `${at('couponTypes')}[${i}]`, ALL_RULE_COUPON_TYPES)))],
      defaultExpiryDays: orNull(raw.defaultExpiryDays, (v) => integerOf(v, at('defaultExpiryDays'), 1, 36_500)),
      maxExpiryDays: orNull(raw.maxExpiryDays, (v) => integerOf(v, at('maxExpiryDays'), 1, 36_500)),
    },
    promotions: parsePromotions(given.promotions, `${where}.promotions`),
  };
}
