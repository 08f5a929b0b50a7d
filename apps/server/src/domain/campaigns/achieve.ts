import { recordActivity } from '../activities/record-activity.js';
import { notify } from '../notifications/notify.js';
import type { ProgramUnit } from '../points/unit.js';
import type { Program } from '../program/program.js';
import { expiryFrom } from '../points/expiry.js';
import { textIn } from '../program/local-text.js';
import type { Campaign } from './campaign-config.js';

/**
 * The achievement's own transactionId: campaign, customer and the achievement's number. Once-only
 * comes from the campaign's progress row, counted in the same unit; the ledger has no unique
 * index on transactionIds.
 */
export function achievementTransactionId(campaign: Campaign, customerPk: number, n: number): string {
  return `campaign-${campaign.id}-${customerPk}-${n}`;
}

/**
 * Grants an achievement already counted in the campaign's progress (its `n`th): an
 * AchievementReward entry with the campaign's points and score (which the activities listing
 * shows as CampaignRewarded) and a notification. A campaign that gives neither points nor score
 * writes no ledger entry: the achievement is counted in its progress (achievedCount) and
 * recorded as a CampaignRewarded activity of its own.
 */
export async function grantAchievement(unit: ProgramUnit<Program>, campaign: Campaign, n: number): Promise<void> {
  const program = unit.account.program;
  const name = textIn(campaign.name, undefined, program.defaultLanguage);
  const transactionId = achievementTransactionId(campaign, unit.customer.id, n);
  if (campaign.walletReward > 0 || campaign.rankReward > 0) {
    await unit.append({
      kind: 'achievement',
      transactionId,
      type: 'AchievementReward',
      points: campaign.walletReward,
      score: campaign.rankReward,
      amount: null,
      status: 'Active',
      reason: `Reward campaign: ${name}`,
      transactionTime: unit.now,
      expiryDate: campaign.walletReward > 0 ? expiryFrom(program, unit.now) : null,
      achievedRewardCampaignId: campaign.id,
      achievementName: name,
    });
  } else {
    await recordActivity(unit, 'CampaignRewarded', { campaignId: campaign.id, campaignName: name, points: 0, score: 0, transactionId });
  }
  await notify(unit, 'campaignAchieved', { campaignId: campaign.id, campaignName: name, points: campaign.walletReward }, campaign.icon);
}

/** Logs progress in a campaign that did not complete it (a SuccessfulAction activity). */
export async function recordProgress(unit: ProgramUnit<Program>, campaign: Campaign, eventName: string, percentage: number): Promise<void> {
  const name = textIn(campaign.name, undefined, unit.account.program.defaultLanguage);
  await recordActivity(unit, 'SuccessfulAction', { campaignId: campaign.id, campaignName: name, eventName, completionPercentage: percentage });
}
