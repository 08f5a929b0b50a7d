import { randomInt } from 'node:crypto';
import type { Queryable } from '../../store/sql.js';
import { toText } from '../shared/decimal.js';
import type { CouponSettings } from './coupon-program.js';
import { codeKey, insertCoupon, type NewCoupon } from './coupon-store.js';
import { termsText } from './coupon-terms.js';
import { RULE_COUPON_TYPES, type RedemptionRule } from './redemption-rules.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const DAY_MS = 86_400_000;

/** The days a new coupon of the rule lasts: the rule's, else the settings' default, capped by their maximum; null for never. */
export function lifeInDays(rule: RedemptionRule, settings: CouponSettings): number | null {
  const days = rule.expiryAfter ?? settings.defaultExpiryDays;
  if (settings.maxExpiryDays === null) return days;
  return days === null ? settings.maxExpiryDays : Math.min(days, settings.maxExpiryDays);
}

export interface IssuedCoupon {
  id: number;
  code: string;
  startDate: string;
  expiryDate: string | null;
}

/**
 * Issues the customer a coupon of the rule, paid by the DiscountCode entry `entryId`: the code is
 * the rule's prefix and 8 random letters and digits (drawn again if taken), it starts at `now`
 * and lasts `lifeInDays`. Its customer is its only user, so its per-customer limit is its
 * usage limit. Type, value, cap, minimum, collections and group come from the rule.
 */
export async function issueCoupon(
  q: Queryable,
  owner: { accountId: string; customerPk: number; currency: string },
  rule: RedemptionRule,
  settings: CouponSettings,
  entryId: number,
  now: string,
): Promise<IssuedCoupon> {
  const days = lifeInDays(rule, settings);
  const expiryDate = days === null ? null : new Date(Date.parse(now) + days * DAY_MS).toISOString();
  const type = RULE_COUPON_TYPES[rule.couponType].coupon;
  const base: Omit<NewCoupon, 'code' | 'code_key'> = {
    account_id: owner.accountId,
    customer_pk: owner.customerPk,
    name: rule.name,
    type,
    value: rule.discountValue && (type === 'fixed' || type === 'percentage') ? toText(rule.discountValue) : '0',
    target: 'Online',
    is_manual: 0,
    currency: type === 'fixed' ? owner.currency : null,
    start_date: now,
    expiry_date: expiryDate,
    is_active: 1,
    usage_limit: rule.usageLimit ?? null,
    limit_per_customer: rule.usageLimit ?? null,
    used_count: 0,
    customer_used_count: 0,
    capping: rule.capping ? toText(rule.capping) : null,
    min_order_value: rule.minOrderValue ? toText(rule.minOrderValue) : null,
    terms: termsText({
      entitledCollectionIds: rule.collections.map((c) => c.collectionId),
      ...(rule.group ? { group: { handle: rule.group.handle, url: rule.group.url, iconPath: rule.group.iconPath } } : {}),
    }),
    rule_id: rule.id,
    entry_id: entryId,
    created_at: now,
  };
  for (;;) {
    const code = rule.codePrefix + randomPart();
    const id = await insertCoupon(q, { ...base, code, code_key: codeKey(code) });
    if (id !== undefined) return { id, code, startDate: now, expiryDate };
  }
}

function randomPart(): string {
  let part = '';
  for (let i = 0; i < 8; i++) part += ALPHABET[randomInt(ALPHABET.length)];
  return part;
}
