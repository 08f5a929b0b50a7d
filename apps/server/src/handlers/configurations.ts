import type { components } from '@gameball-open/server-types';
import type { Account } from '../accounts.js';
import type { OperationHandler as H } from '../context.js';
import { rewardFactor } from '../domain/program/program.js';
import { toNumber } from '../domain/shared/decimal.js';

type Schemas = components['schemas'];

function cashbackRule({ program }: Account): Schemas['CashbackConfiguration'] {
  return {
    rewardFactor: rewardFactor(program),
    amountRewardThreshold: toNumber(program.cashback.amountRewardThreshold),
    rewardWalletFactor: toNumber(program.cashback.rewardWalletFactor),
    rewardRankFactor: toNumber(program.cashback.rewardRankFactor),
    enabled: program.cashback.enabled,
    returnWindow: program.returnWindowDays,
  };
}

function redemptionSettings({ program }: Account): Schemas['RedemptionConfiguration'] {
  return {
    redemptionFactor: toNumber(program.redemptionFactor),
    minRedeemPoints: program.minRedeemPoints,
    currency: program.currency,
    holdMinutes: program.holdMinutes,
    pointsExpiry: program.pointsExpiry,
    otpRequired: program.otpRequired,
    hashRequired: program.hashRequired,
    redemptionRules: [],
  };
}

export const getCashbackConfiguration: H<'getCashbackConfiguration'> = async ({ context }) => cashbackRule(context.account);

export const getCashbackConfigurationLegacy: H<'getCashbackConfigurationLegacy'> = async ({ context }) =>
  cashbackRule(context.account);

export const getRedemptionConfiguration: H<'getRedemptionConfiguration'> = async ({ context }) =>
  redemptionSettings(context.account);

export const getRedemptionConfigurationLegacy: H<'getRedemptionConfigurationLegacy'> = async ({ context }) =>
  redemptionSettings(context.account);
