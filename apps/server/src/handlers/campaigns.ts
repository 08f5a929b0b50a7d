import type { OperationHandler as H } from '../context.js';
import * as campaigns from '../use-cases/campaigns/index.js';

export const awardSocialChallenge: H<'awardSocialChallenge'> = ({ body, context }) => campaigns.awardSocialChallenge(context, body);

export const getRewardCampaignsProgress: H<'getRewardCampaignsProgress'> = ({ params, query, context }) =>
  campaigns.getRewardCampaignsProgress(context, params.customerId, query);

export const getCustomerAutomation: H<'getCustomerAutomation'> = ({ params, query, context }) =>
  campaigns.getCustomerAutomation(context, params.customerId, query.campaignType);

export const getCustomerStamps: H<'getCustomerStamps'> = ({ params, context }) =>
  campaigns.getCustomerStamps(context, params.customerId, Number(params.challengeId));

export const getCustomerStreak: H<'getCustomerStreak'> = ({ params, context }) =>
  campaigns.getCustomerStreak(context, params.customerId, Number(params.campaignId));

export const getRewardCampaignsConfiguration: H<'getRewardCampaignsConfiguration'> = ({ query, context }) =>
  campaigns.getRewardCampaignsConfiguration(context, query);
