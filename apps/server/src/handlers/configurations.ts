import type { OperationHandler as H } from '../context.js';
import { cashbackConfiguration as cashback, redemptionConfiguration as redemption } from '../domain/program/configuration-views.js';

export const getCashbackConfiguration: H<'getCashbackConfiguration'> = async ({ context }) => cashback(context.account);

export const getCashbackConfigurationLegacy: H<'getCashbackConfigurationLegacy'> = async ({ context }) => cashback(context.account);

export const getRedemptionConfiguration: H<'getRedemptionConfiguration'> = async ({ context }) => redemption(context.account);

export const getRedemptionConfigurationLegacy: H<'getRedemptionConfigurationLegacy'> = async ({ context }) => redemption(context.account);
