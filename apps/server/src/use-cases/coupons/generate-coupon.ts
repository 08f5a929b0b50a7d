import { randomUUID } from 'node:crypto';
import type { components } from '@gameball-open/server-types';
import { requireActive } from '../../domain/customers/activation.js';
import { firstLotsAlongside } from '../../domain/customers/lock-target.js';
import { couponSettings } from '../../domain/coupons/coupon-settings.js';
import { countUsable } from '../../domain/coupons/coupon-store.js';
import { issueCoupon } from '../../domain/coupons/issue-coupon.js';
import { ruleById } from '../../domain/coupons/redemption-rules.js';
import { claimTransactionId } from '../../domain/points/claims.js';
import { multiply, fromInteger } from '../../domain/shared/decimal.js';
import { storeMoney } from '../../domain/shared/money.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../with-customer.js';

type Schemas = components['schemas'];

/**
 * POST /coupons/predefined: the customer buys a coupon of a redemption rule with points. In the
 * customer's unit of work: the rule's points spent as one DiscountCode entry (9008 when short)
 * and the coupon issued, or neither. Checked in the spec's order: coupons off (8000), unknown
 * rule (4004), inactive rule or type not issued (3009), unknown customer (7000), opted out
 * (3009), transactionId used (9004), too many usable coupons (3011), too few points (9008).
 */
export async function generateCoupon(scope: Scope, input: Schemas['GenerateCouponRequest']): Promise<Schemas['GeneratedCoupon']> {
  const { account } = scope;
  const settings = await couponSettings(scope.store, account);
  if (!settings.enabled) throw errors.featureNotEnabled('Coupons are turned off for this account.');
  const rule = ruleById(account.program.redemptionRules, input.ruleId);
  if (!rule) throw errors.redemptionRuleNotFound(input.ruleId);
  if (!rule.isActive || !settings.couponTypes.includes(rule.couponType)) {
    throw errors.notActiveNow(`Redemption rule ${rule.id} issues no coupons now.`);
  }
  // The first lots the coupon's points come from are read with the lock (on PostgreSQL in its round trip).
  return withCustomer(scope, { customerId: input.customerId, alongside: firstLotsAlongside }, null, async (unit) => {
    requireActive(unit.customer);
    if (input.transactionId !== undefined && !(await claimTransactionId(unit.q, account.id, 'coupon', input.transactionId, unit.now))) {
      throw errors.transactionIdUsed(input.transactionId);
    }
    const held = settings.maximumCoupons === null ? 0 : await countUsable(unit.q, unit.customer.id, unit.now);
    if (settings.maximumCoupons !== null && held >= settings.maximumCoupons) {
      throw errors.limitExceeded(`The customer already holds ${held} usable coupons, the most this account allows.`);
    }
    const valueOfPoint = rule.valueOfPoint ?? account.program.redemptionFactor;
    const entry = await unit.spend({
      kind: 'coupon',
      transactionId: input.transactionId ?? `coupon-${randomUUID()}`,
      type: 'DiscountCode',
      points: rule.pointsToRedeem,
      amount: storeMoney(multiply(fromInteger(rule.pointsToRedeem), valueOfPoint)),
      status: 'Active',
      transactionTime: unit.now,
      reason: rule.name,
    });
    const owner = { accountId: account.id, customerPk: unit.customer.id, currency: account.program.currency };
    const coupon = await issueCoupon(unit.q, owner, rule, settings, Number(entry.id), unit.now);
    return {
      code: coupon.code,
      startDate: coupon.startDate,
      ...(coupon.expiryDate === null ? {} : { expiryDate: coupon.expiryDate }),
      redeemedPoints: rule.pointsToRedeem,
    };
  });
}
