import type { components } from '@gameball-open/server-types';
import { errors, GameballError } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../points/unit-of-work.js';
import type { Unit } from '../points/unit.js';
import { grantAchievement } from './achieve.js';
import type { Campaign } from './campaign-config.js';
import { hasRoom, isOpenTo } from './eligibility.js';
import { loadProgress, progressIn, saveProgress } from './progress-store.js';
import { countAchievement } from './progress.js';

type Schemas = components['schemas'];

/** A second report of the same challenge for the same customer inside this window is refused (400, 4000). */
export const SOCIAL_DEDUP_SECONDS = 60;

/** Records the report and achieves the campaign when the customer can (open to them, room left). */
async function report(unit: Unit, campaign: Campaign): Promise<void> {
  const progress = progressIn(await loadProgress(unit.q, unit.customer.id), campaign.id);
  if (progress.reportedAt && Date.parse(unit.now) - Date.parse(progress.reportedAt) < SOCIAL_DEDUP_SECONDS * 1000) {
    throw errors.challengeReportedTwice(SOCIAL_DEDUP_SECONDS);
  }
  progress.reportedAt = unit.now;
  const achieves = isOpenTo(unit.account.program, campaign, unit.customer, unit.now) && hasRoom(campaign, progress, unit.now);
  if (achieves) countAchievement(progress, unit.now);
  await saveProgress(unit.q, unit.account.id, unit.customer.id, progress, unit.now);
  if (achieves) await grantAchievement(unit, campaign, progress.achievedCount);
}

/**
 * POST /customers/social-challenges: the shop reports a SocialMedia campaign done. Gameball
 * applies it asynchronously and answers 202; this server applies it at once, in the customer's
 * unit of work, under the campaign's eligibility and repeatability (an ineligible customer gets
 * nothing, still 202). The same report again within SOCIAL_DEDUP_SECONDS is 400 (4000).
 * Unknown customer or challenge: 404 (4004). Never creates a customer.
 */
export async function awardSocialChallenge(
  scope: Scope,
  body: Schemas['CampaignSocialChallengeRequest'],
): Promise<Schemas['CampaignSocialChallengeAccepted']> {
  const campaign = scope.account.program.campaigns.find((c) => c.id === body.challengeId && c.type === 'SocialMedia');
  if (!campaign) throw errors.campaignNotFound(body.challengeId);
  try {
    await withCustomer(scope, { customerId: body.customerId }, null, (unit) => report(unit, campaign));
  } catch (error) {
    if (error instanceof GameballError && error.code === 7000) throw errors.socialCustomerNotFound(body.customerId);
    throw error;
  }
  return { customerId: body.customerId, challengeId: body.challengeId };
}
