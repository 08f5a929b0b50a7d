import type { OperationHandler as H } from '../context.js';
import * as coupons from '../use-cases/coupons/index.js';

export const generateCoupon: H<'generateCoupon'> = ({ body, context }) => coupons.generateCoupon(context, body);

export const validateCoupon: H<'validateCoupon'> = ({ params, body, context }) => coupons.validateCoupon(context, params.code, body);

export const validateCoupons: H<'validateCoupons'> = ({ body, context }) => coupons.validateCoupons(context, body);

export const burnCoupons: H<'burnCoupons'> = ({ body, context }) => coupons.burnCoupons(context, body);

export const releaseCoupons: H<'releaseCoupons'> = ({ params, context }) => coupons.releaseCoupons(context, params.lockReference);

export const evaluateAutomaticCoupons: H<'evaluateAutomaticCoupons'> = ({ body, context }) => coupons.evaluateAutomaticCoupons(context, body);
