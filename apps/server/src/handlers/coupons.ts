import type { OperationHandler as H } from '../context.js';

// TODO(issue 13): replace with the use case.
export const generateCoupon: H<'generateCoupon'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const validateCoupon: H<'validateCoupon'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const validateCoupons: H<'validateCoupons'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const burnCoupons: H<'burnCoupons'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const releaseCoupons: H<'releaseCoupons'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const evaluateAutomaticCoupons: H<'evaluateAutomaticCoupons'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));
