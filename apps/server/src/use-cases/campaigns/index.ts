/** The use cases of the spec tag "Campaigns", one file per operation, named after its operationId. */
export { awardSocialChallenge } from './award-social-challenge.js';
export { getCustomerAutomation } from './get-customer-automation.js';
export { getCustomerStamps } from './get-customer-stamps.js';
export { getCustomerStreak } from './get-customer-streak.js';
export { getRewardCampaignsConfiguration } from './get-reward-campaigns-configuration.js';
export { getRewardCampaignsProgress } from './get-reward-campaigns-progress.js';
