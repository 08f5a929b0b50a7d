import type { components } from '@gameball-open/server-types';
import type { Program } from '../program/program.js';
import { toNumber } from '../shared/decimal.js';
import { RULE_COUPON_TYPES, type RedemptionRule } from './redemption-rules.js';

type View = components['schemas']['RedemptionRule'];

/** A redemption rule as the redemption configuration lists it; what the rule does not set is left out. */
export function ruleView(program: Pick<Program, 'redemptionFactor'>, rule: RedemptionRule): View {
  const family = RULE_COUPON_TYPES[rule.couponType].family;
  const number = (name: 'expiryAfter' | 'usageLimit', value: number | undefined) => (value === undefined ? {} : { [name]: value });
  const money = (name: 'capping' | 'minOrderValue', value: RedemptionRule['capping']) => (value === undefined ? {} : { [name]: toNumber(value) });
  return {
    id: rule.id,
    pointsToRedeem: rule.pointsToRedeem,
    valueOfPoint: toNumber(rule.valueOfPoint ?? program.redemptionFactor),
    ...(family ? { ruleType: family } : {}),
    coupon: {
      couponType: rule.couponType,
      ...(rule.discountValue === undefined ? {} : { discountValue: toNumber(rule.discountValue) }),
      ...(rule.product ? { product: rule.product } : {}),
      collections: rule.collections,
      ...(rule.group ? { group: rule.group } : {}),
      options: {
        name: rule.name,
        ...number('expiryAfter', rule.expiryAfter),
        ...number('usageLimit', rule.usageLimit),
        ...money('capping', rule.capping),
        ...money('minOrderValue', rule.minOrderValue),
        ...(rule.codePrefix ? { codePrefix: rule.codePrefix } : {}),
        ...(rule.redeemInstructions === undefined ? {} : { redeemInstructions: rule.redeemInstructions }),
      },
    },
    ...(rule.image === undefined ? {} : { image: rule.image }),
    ...(rule.creationDate === undefined ? {} : { creationDate: rule.creationDate }),
    isActive: rule.isActive,
  };
}
