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

export const getCouponEngineConfiguration: H<'getCouponEngineConfiguration'> = ({ context }) => configurations.getCouponEngineConfiguration(context);

export const updateCouponEngineConfiguration: H<'updateCouponEngineConfiguration'> = ({ body, context }) =>
  configurations.updateCouponEngineConfiguration(context, body);

export const getCouponRewardsConfiguration: H<'getCouponRewardsConfiguration'> = ({ context }) => configurations.getCouponRewardsConfiguration(context);

export const updateCouponRewardsConfiguration: H<'updateCouponRewardsConfiguration'> = ({ body, context }) =>
  configurations.updateCouponRewardsConfiguration(context, body);
