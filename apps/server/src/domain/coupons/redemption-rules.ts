import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import { booleanOf, decimalOf, instantOf, integerOf, listOf, objectOf, oneOf, textOf, type Raw } from '../program/config-readers.js';
import type { Decimal } from '../shared/decimal.js';

export type RuleCouponType = components['schemas']['RedemptionRuleCouponType'];
export type CouponType = components['schemas']['CouponType'];

/** Every coupon type a rule may issue, with the customer coupon's `type` and the rule's family (`ruleType`). */
export const RULE_COUPON_TYPES = {
  free_shipping: { coupon: 'shipping', family: 'free_shipping_settings' },
  percentage_discount: { coupon: 'percentage', family: 'percentage_discount_settings' },
  fixed_discount: { coupon: 'fixed', family: 'fixed_rate_settings' },
  fixed_rate_discount: { coupon: 'fixed', family: 'fixed_rate_settings' },
  free_product: { coupon: 'product', family: 'free_product_settings' },
  custom: { coupon: 'custom', family: undefined },
} as const satisfies Record<RuleCouponType, { coupon: CouponType; family: string | undefined }>;

export const ALL_RULE_COUPON_TYPES = Object.keys(RULE_COUPON_TYPES) as RuleCouponType[];

export interface RuleGroup {
  handle: string;
  title?: string;
  url?: string;
  iconPath?: string;
  description?: string;
}

/**
 * A redemption rule of the account's program (`program.redemptionRules[]` in the accounts
 * file): `pointsToRedeem` points buy one coupon of this kind (generateCoupon), or are held or
 * bound to an OTP by `ruleId`. Optional fields are undefined when the file leaves them out.
 */
export interface RedemptionRule {
  id: number;
  /** The rule's name, which the coupons it issues take. */
  name: string;
  pointsToRedeem: number;
  couponType: RuleCouponType;
  /** Amount off (fixed) or percentage (percentage). */
  discountValue?: Decimal;
  /** The money value of one point for this rule; the program's redemption factor when unset. */
  valueOfPoint?: Decimal;
  product?: { productId: string; productName?: string; variantId?: string; variantName?: string; productDisplayName?: string };
  collections: Array<{ collectionId: string; collectionName?: string }>;
  group?: RuleGroup;
  /** Days from issue to expiry; the coupon settings' default when unset. */
  expiryAfter?: number;
  /** Uses of each issued coupon; unlimited when unset. */
  usageLimit?: number;
  capping?: Decimal;
  minOrderValue?: Decimal;
  codePrefix: string;
  redeemInstructions?: string;
  image?: string;
  creationDate?: string;
  isActive: boolean;
}

const optional = <T>(value: unknown, read: (value: unknown) => T): T | undefined => (value === undefined || value === null ? undefined : read(value));
const texts = (raw: Raw, where: string, names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.filter((n) => raw[n] !== undefined && raw[n] !== null).map((n) => [n, textOf(raw[n], `${where}.${n}`)]));

/** Reads `program.redemptionRules`: a list of rules with distinct ids (README, Coupons and redemption rules). */
export function parseRedemptionRules(raw: unknown, where: string): RedemptionRule[] {
  const rules = listOf(raw, where).map((item, i) => parseRule(objectOf(item, `${where}[${i}]`), `${where}[${i}]`));
  const ids = new Set<number>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new Error(`${where}: two rules have the id ${rule.id}.`);
    ids.add(rule.id);
  }
  return rules;
}

function parseRule(raw: Raw, where: string): RedemptionRule {
  const at = (name: string) => `${where}.${name}`;
  const money = (name: string) => optional(raw[name], (v) => decimalOf(v, at(name), false));
  const days = (name: string) => optional(raw[name], (v) => integerOf(v, at(name), 1, 36_500));
  const product = optional(raw.product, (v) => objectOf(v, at('product')));
  const group = optional(raw.group, (v) => objectOf(v, at('group')));
  const creationDate = instantOf(raw.creationDate, at('creationDate'));
  const prefix = raw.codePrefix === undefined || raw.codePrefix === null ? '' : textOf(raw.codePrefix, at('codePrefix'));
  if (prefix.length > 20 || !/^[A-Za-z0-9_-]*$/.test(prefix)) throw new Error(`${at('codePrefix')} must be at most 20 letters, digits, - or _.`);
  return {
    id: integerOf(raw.id, at('id'), 1, 2_147_483_647),
    name: textOf(raw.name, at('name')),
    pointsToRedeem: integerOf(raw.pointsToRedeem, at('pointsToRedeem'), 1, 1e12),
    couponType: oneOf(raw.couponType, at('couponType'), ALL_RULE_COUPON_TYPES),
    discountValue: money('discountValue'),
    valueOfPoint: optional(raw.valueOfPoint, (v) => decimalOf(v, at('valueOfPoint'), true)),
    product: product && { ...texts(product, at('product'), ['productName', 'variantId', 'variantName', 'productDisplayName']), productId: textOf(product.productId, at('product.productId')) },
    collections: listOf(raw.collections, at('collections')).map((item, i) => {
      const c = objectOf(item, `${at('collections')}[${i}]`);
      return { ...texts(c, `${at('collections')}[${i}]`, ['collectionName']), collectionId: textOf(c.collectionId, `${at('collections')}[${i}].collectionId`) };
    }),
    group: group && { ...texts(group, at('group'), ['title', 'url', 'iconPath', 'description']), handle: textOf(group.handle, at('group.handle')) },
    expiryAfter: days('expiryAfter'),
    usageLimit: optional(raw.usageLimit, (v) => integerOf(v, at('usageLimit'), 1, 1_000_000)),
    capping: money('capping'),
    minOrderValue: money('minOrderValue'),
    codePrefix: prefix,
    ...texts(raw, where, ['redeemInstructions', 'image']),
    ...(creationDate ? { creationDate } : {}),
    isActive: booleanOf(raw.isActive ?? true, at('isActive')),
  };
}

/** The rule with this id, or undefined. */
export function ruleById(rules: readonly RedemptionRule[], id: number): RedemptionRule | undefined {
  return rules.find((rule) => rule.id === id);
}

/**
 * The active rule a hold or an OTP names by `ruleId` (a string on holds, a number on OTPs, as
 * Gameball has them): 422/3003 when no rule has that id or it is inactive.
 */
export function activeRule(rules: readonly RedemptionRule[], ruleId: string | number): RedemptionRule {
  const id = typeof ruleId === 'number' ? ruleId : /^\d{1,10}$/.test(ruleId) ? Number(ruleId) : NaN;
  const rule = ruleById(rules, id);
  if (!rule || !rule.isActive) throw errors.invalidValue(`Redemption rule '${ruleId}' does not exist or is not active.`);
  return rule;
}
