/**
 * The response fields that may carry `null`, per operation: those Gameball's reference
 * (operations.md) declares as `type|null`, and fields of this server's own that the reference
 * does not declare (referral rewards under the seed's names, coupon details, campaign caps).
 * Every other field whose value is unknown or does not apply is left out, never null: strict
 * clients generated from the reference refuse null where it declares a string, number or object.
 * Add a field here only when the reference itself declares it nullable.
 */
export const NULLABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  calculateOrderCashback: ['lineItems[].campaignEndDate', 'lineItems[].campaignId', 'lineItems[].campaignName'],
  calculatePaymentCashback: ['paymentDetails[].campaignEndDate', 'paymentDetails[].campaignId', 'paymentDetails[].campaignName'],
  getCustomerAutomation: ['campaigns[].automation[].steps'],
  getRedemptionConfiguration: ['pointsExpiry'],
  getRedemptionConfigurationLegacy: ['pointsExpiry'],
  getReferralConfiguration: [
    'eventMetaData', 'eventMetaData[].count', 'eventMetaData[].max', 'eventMetaData[].min', 'eventMetaData[].value',
    'friendReward', 'friendReward.rewardType', 'friendReward.voucher',
    'playerReward.extraReward', 'playerReward.extraReward.rewardType', 'playerReward.extraReward.voucher', 'playerReward.rewardType', 'playerReward.voucher',
  ],
  getRewardCampaignsConfiguration: [
    '[].activation', '[].activation.endDate', '[].activation.startDate', '[].description', '[].icon', '[].maxPerDay',
    '[].redirectionButtonLink', '[].redirectionButtonText', '[].rewards[].couponReward', '[].rewards[].walletRewardFactor',
  ],
  getRewardCampaignsProgress: [
    '[].currentStreak', '[].highScoreAmount', '[].highestStreak',
    '[].rewardCampaignConfiguration.activation', '[].rewardCampaignConfiguration.activation.endDate', '[].rewardCampaignConfiguration.activation.startDate',
    '[].rewardCampaignConfiguration.description', '[].rewardCampaignConfiguration.icon', '[].rewardCampaignConfiguration.maxPerDay',
    '[].rewardCampaignConfiguration.redirectionButtonLink', '[].rewardCampaignConfiguration.redirectionButtonText',
    '[].rewardCampaignConfiguration.rewards[].couponReward', '[].rewardCampaignConfiguration.rewards[].walletRewardFactor',
  ],
  // This server's own: a batch not yet started or finished, no item done yet (seed 001 gives no status shape).
  getBatchStatus: ['finishedAt', 'response', 'startedAt'],
  // Reference tools (this server's own): no subscription; a delivery not yet tried or answered; the
  // webhook payloads as Gameball's webhook page shows them, with null for a contact detail or tier the customer lacks.
  getWebhookSubscription: ['url'],
  setWebhookSubscription: ['url'],
  listWebhookDeliveries: [
    'deliveries[].lastAnswer', 'deliveries[].lastAnswer.body', 'deliveries[].lastAnswer.durationMs', 'deliveries[].lastAnswer.error',
    'deliveries[].lastAnswer.status', 'deliveries[].lastAttemptAt', 'deliveries[].nextAttemptAt',
    'deliveries[].payload.data.email', 'deliveries[].payload.data.mobile_number', 'deliveries[].payload.data.referral_code',
    'deliveries[].payload.data.referral_link', 'deliveries[].payload.data.tier_name', 'deliveries[].payload.data.tier_order',
    'deliveries[].payload.data[].icon',
  ],
  // The delivery it queued, in the same shape as listWebhookDeliveries' items.
  resendWebhookDelivery: [
    'lastAnswer', 'lastAnswer.body', 'lastAnswer.durationMs', 'lastAnswer.error', 'lastAnswer.status', 'lastAttemptAt', 'nextAttemptAt',
    'payload.data.email', 'payload.data.mobile_number', 'payload.data.referral_code', 'payload.data.referral_link',
    'payload.data.tier_name', 'payload.data.tier_order', 'payload.data[].icon',
  ],
  getTierConfiguration: ['[].benefits.discountCapping', '[].benefits.levelDiscount', '[].cashback'],
  listCustomerActivities: [
    'activities[].campaignName', 'activities[].currency', 'activities[].displayName', 'activities[].email', 'activities[].isGuest',
    'activities[].isManualActivity', 'activities[].paymentRewardAmount', 'activities[].phoneNumber', 'activities[].points',
    'activities[].reason', 'activities[].score', 'activities[].tierName', 'activities[].transactionId',
  ],
  listCustomerNotifications: ['notifications[].icon'],
  previewEventRewards: [
    'events[].campaigns[].campaignEndDate', 'events[].campaigns[].couponType', 'events[].campaigns[].couponValue',
    'events[].campaigns[].progress', 'events[].campaigns[].rewardPoints', 'events[].invalidReason',
  ],
  previewOrderRewards: [
    'cashback.lineItems[].campaignEndDate', 'cashback.lineItems[].campaignId', 'cashback.lineItems[].campaignName',
    'eventRewards', 'eventRewards.campaigns[].campaignEndDate', 'eventRewards.campaigns[].couponType', 'eventRewards.campaigns[].couponValue',
    'eventRewards.campaigns[].progress', 'eventRewards.campaigns[].rewardPoints', 'eventRewards.invalidReason',
  ],
};

/** The JSON paths (`a.b[].c`, a list's items as `[]`) at which `body` holds null. */
export function nullPaths(body: unknown, prefix = ''): string[] {
  if (body === null) return [prefix];
  if (Array.isArray(body)) return body.flatMap((item) => nullPaths(item, `${prefix}[]`));
  if (typeof body !== 'object') return [];
  return Object.entries(body as Record<string, unknown>).flatMap(([key, value]) => nullPaths(value, prefix ? `${prefix}.${key}` : key));
}
