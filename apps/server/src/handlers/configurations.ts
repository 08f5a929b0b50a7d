import type { OperationHandler as H } from '../context.js';
import * as configurations from '../use-cases/configurations/index.js';

export const getCashbackConfiguration: H<'getCashbackConfiguration'> = ({ context }) => configurations.getCashbackConfiguration(context);

export const getCashbackConfigurationLegacy: H<'getCashbackConfigurationLegacy'> = ({ context }) => configurations.getCashbackConfigurationLegacy(context);

export const getRedemptionConfiguration: H<'getRedemptionConfiguration'> = ({ context }) => configurations.getRedemptionConfiguration(context);

export const getRedemptionConfigurationLegacy: H<'getRedemptionConfigurationLegacy'> = ({ context }) =>
  configurations.getRedemptionConfigurationLegacy(context);

export const getReferralConfiguration: H<'getReferralConfiguration'> = ({ query, context }) =>
  configurations.getReferralConfiguration(context, query.lang);

export const getWidgetConfiguration: H<'getWidgetConfiguration'> = ({ context }) => configurations.getWidgetConfiguration(context);

// TODO(issue 13): replace with the use case.
export const getCouponEngineConfiguration: H<'getCouponEngineConfiguration'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const updateCouponEngineConfiguration: H<'updateCouponEngineConfiguration'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const getCouponRewardsConfiguration: H<'getCouponRewardsConfiguration'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const updateCouponRewardsConfiguration: H<'updateCouponRewardsConfiguration'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));
