import type { OperationHandler as H } from '../context.js';
import { widgetConfiguration as widget } from '../domain/program/widget-view.js';
import { referralConfiguration as referral } from '../domain/referrals/referral-configuration.js';
import { cashbackConfiguration as cashback, redemptionConfiguration as redemption } from '../domain/program/configuration-views.js';

export const getCashbackConfiguration: H<'getCashbackConfiguration'> = async ({ context }) => cashback(context.account);

export const getCashbackConfigurationLegacy: H<'getCashbackConfigurationLegacy'> = async ({ context }) => cashback(context.account);

export const getRedemptionConfiguration: H<'getRedemptionConfiguration'> = async ({ context }) => redemption(context.account);

export const getRedemptionConfigurationLegacy: H<'getRedemptionConfigurationLegacy'> = async ({ context }) => redemption(context.account);

export const getReferralConfiguration: H<'getReferralConfiguration'> = async ({ query, context }) => referral(context.account, query.lang);

export const getWidgetConfiguration: H<'getWidgetConfiguration'> = async ({ context }) => widget(context.account);
