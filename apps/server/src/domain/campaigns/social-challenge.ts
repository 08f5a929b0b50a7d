import { errors } from '../../errors.js';
import type { ProgramUnit } from '../points/unit.js';
import { grantAchievement } from './achieve.js';
import type { Campaign, CampaignProgram } from './campaign-config.js';
import { hasRoom, isOpenTo } from './eligibility.js';
import { progressIn, saveProgress, unitStandings } from './progress-store.js';
import { countAchievement } from './progress.js';

/** A second report of the same challenge for the same customer inside this window is refused (400, 4000). */
export const SOCIAL_DEDUP_SECONDS = 60;

/** The account's SocialMedia campaign with this id; anything else is 404 (4004). */
export function socialCampaign(program: CampaignProgram, challengeId: number): Campaign {
  const campaign = program.campaigns.find((c) => c.id === challengeId && c.type === 'SocialMedia');
  if (!campaign) throw errors.campaignNotFound(challengeId);
  return campaign;
}

/**
 * Records the shop's report that the customer did a SocialMedia campaign and achieves it when the
 * customer can (open to them, room left); an ineligible customer gets nothing. The same report
 * again within SOCIAL_DEDUP_SECONDS is refused.
 */
export async function reportChallenge(unit: ProgramUnit<CampaignProgram>, campaign: Campaign): Promise<void> {
  const progress = progressIn(await unitStandings(unit), campaign.id);
  if (progress.reportedAt && Date.parse(unit.now) - Date.parse(progress.reportedAt) < SOCIAL_DEDUP_SECONDS * 1000) {
    throw errors.challengeReportedTwice(SOCIAL_DEDUP_SECONDS);
  }
  progress.reportedAt = unit.now;
  const achieves = isOpenTo(unit.account.program, campaign, unit.customer, unit.now) && hasRoom(campaign, progress, unit.now);
  if (achieves) countAchievement(progress, unit.now);
  await saveProgress(unit, progress);
  if (achieves) await grantAchievement(unit, campaign, progress.achievedCount);
}
