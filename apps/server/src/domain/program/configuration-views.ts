import type { components } from '@gameball-open/server-types';
import { toNumber } from '../shared/decimal.js';
import { rewardFactor, type Program } from './program.js';

type Schemas = components['schemas'];

/** The account's cashback rule as the configuration endpoints show it. */
export function cashbackConfiguration(program: Program): Schemas['CashbackConfiguration'] {
  return {
    rewardFactor: rewardFactor(program),
    amountRewardThreshold: toNumber(program.cashback.amountRewardThreshold),
    rewardWalletFactor: toNumber(program.cashback.rewardWalletFactor),
    rewardRankFactor: toNumber(program.cashback.rewardRankFactor),
    enabled: program.cashback.enabled,
    returnWindow: program.returnWindowDays,
  };
}

/** The account's redemption settings as the configuration endpoints show them. */
export function redemptionConfiguration(program: Program): Schemas['RedemptionConfiguration'] {
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
