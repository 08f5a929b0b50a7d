/** The use cases of the spec tag "Coupons", one file per operation, named after its operationId. */
export { burnCoupons } from './burn-coupons.js';
export { evaluateAutomaticCoupons } from './evaluate-automatic-coupons.js';
export { generateCoupon } from './generate-coupon.js';
export { releaseCoupons } from './release-coupons.js';
export { validateCoupon } from './validate-coupon.js';
export { validateCoupons } from './validate-coupons.js';
