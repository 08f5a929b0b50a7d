import type { OperationHandler as H } from '../context.js';
import { customerAutomation, customerStamps, customerStreak, rewardCampaignsProgress } from '../domain/campaigns/customer-campaigns.js';
import { listRewardCampaigns } from '../domain/campaigns/list-campaigns.js';
import { awardSocialChallenge as social } from '../domain/campaigns/social-challenge.js';

export const awardSocialChallenge: H<'awardSocialChallenge'> = ({ body, context }) => social(context, body);

export const getRewardCampaignsProgress: H<'getRewardCampaignsProgress'> = ({ params, query, context }) =>
  rewardCampaignsProgress(context, params.customerId, query);

export const getCustomerAutomation: H<'getCustomerAutomation'> = ({ params, query, context }) =>
  customerAutomation(context, params.customerId, query.campaignType);

export const getCustomerStamps: H<'getCustomerStamps'> = ({ params, context }) => customerStamps(context, params.customerId, Number(params.challengeId));

export const getCustomerStreak: H<'getCustomerStreak'> = ({ params, context }) => customerStreak(context, params.customerId, Number(params.campaignId));

export const getRewardCampaignsConfiguration: H<'getRewardCampaignsConfiguration'> = ({ query, context }) => listRewardCampaigns(context, query);
