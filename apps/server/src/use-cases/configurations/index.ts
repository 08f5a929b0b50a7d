/** The use cases of the spec tag "Configurations", one file per operation, named after its operationId. */
export { getCashbackConfiguration } from './get-cashback-configuration.js';
export { getCashbackConfigurationLegacy } from './get-cashback-configuration-legacy.js';
export { getRedemptionConfiguration } from './get-redemption-configuration.js';
export { getRedemptionConfigurationLegacy } from './get-redemption-configuration-legacy.js';
export { getReferralConfiguration } from './get-referral-configuration.js';
export { getWidgetConfiguration } from './get-widget-configuration.js';
export { getCouponEngineConfiguration } from './get-coupon-engine-configuration.js';
export { updateCouponEngineConfiguration } from './update-coupon-engine-configuration.js';
export { getCouponRewardsConfiguration } from './get-coupon-rewards-configuration.js';
export { updateCouponRewardsConfiguration } from './update-coupon-rewards-configuration.js';
