import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Queryable } from '../../store/sql.js';
import { requireCustomer, type CustomerRow } from '../customers/customer-store.js';
import { textIn } from '../program/local-text.js';
import type { Campaign, CampaignProgram } from './campaign-config.js';
import { campaignConfiguration, canAchieve, isVisibleTo, percentageOf } from './campaign-views.js';
import { isOpenTo, isRunning } from './eligibility.js';
import { loadProgress, progressIn } from './progress-store.js';
import { currentStreak, type CampaignProgress } from './progress.js';

type Schemas = components['schemas'];

/** A customer and their standing in every campaign they touched, as of `now`. */
export interface Standing {
  customer: CustomerRow;
  standing: Map<number, CampaignProgress>;
  now: string;
}

/** Reads a customer's campaign standing (in the caller's read view); an unknown customer is 404 (7000). */
export async function readStanding(q: Queryable, accountId: string, customerId: string, now: string): Promise<Standing> {
  const customer = await requireCustomer(q, accountId, customerId);
  return { customer, standing: await loadProgress(q, customer.id), now };
}

/** The reward campaigns progress list: running, visible campaigns (one, when asked and open to the customer). */
export function progressList(
  program: CampaignProgram,
  { customer, standing, now }: Standing,
  score: number,
  campaignId: number | undefined,
): Schemas['CampaignProgressList'] {
  return program.campaigns
    .filter((c) => isRunning(c, now) && isVisibleTo(c, progressIn(standing, c.id)))
    .filter((c) => campaignId === undefined || (c.id === campaignId && isOpenTo(program, c, customer, now)))
    .map((c) => {
      const progress = progressIn(standing, c.id);
      const events = c.type === 'EventBased' && c.multiplier === null;
      return {
        rewardsCampaignName: textIn(c.name, undefined, program.defaultLanguage),
        rewardsCampaignId: c.id,
        isUnlocked: isOpenTo(program, c, customer, now),
        highScoreAmount: c.type === 'HighScore' ? c.scoreTarget : null,
        currentStreak: events ? currentStreak(progress.streak, now) : null,
        highestStreak: events ? progress.streak.highest : null,
        completionPercentage: percentageOf(c, progress, score),
        achievedCount: progress.achievedCount,
        canAchieve: canAchieve(program, c, customer, progress, now),
        rewardCampaignConfiguration: campaignConfiguration(program, c, undefined),
      };
    });
}

/** An EventBased campaign by id for the stamp and streak views; anything else is 404 (4004). */
export function eventCampaign(program: CampaignProgram, id: number): Campaign {
  const campaign = program.campaigns.find((c) => c.id === id && c.type === 'EventBased' && c.multiplier === null);
  if (!campaign || campaign.visibility === 'NotVisible') throw errors.campaignNotFound(id);
  return campaign;
}

/** The campaign's events as stamps since its last achievement. */
export function stampsView(program: CampaignProgram, campaign: Campaign, { customer, standing, now }: Standing): Schemas['CampaignStamps'] {
  const progress = progressIn(standing, campaign.id);
  const cap = campaign.repeatable ? campaign.maxAchievement : 1;
  return {
    numberOfCompletedSteps: progress.seen.length,
    totalSteps: campaign.events.length,
    numberOfTimesEarned: progress.achievedCount,
    canAchieveAgain: canAchieve(program, campaign, customer, progress, now),
    // Unknown or not applicable (no cap, no end date, no coupon): left out, never null.
    remainingTries: cap > 0 ? Math.max(0, cap - progress.achievedCount) : undefined,
    challengeEndDate: campaign.activation.endDate ?? undefined,
    rewardName: textIn(campaign.name, undefined, program.defaultLanguage),
  };
}

/** Consecutive UTC days with an event the campaign counts. */
export function streakView(program: CampaignProgram, campaign: Campaign, { standing, now }: Standing): Schemas['CampaignStreak'] {
  const progress = progressIn(standing, campaign.id);
  const current = currentStreak(progress.streak, now);
  return {
    currentStreakCount: current,
    highestStreakCount: progress.streak.highest,
    totalRewardsEarned: progress.achievedCount,
    ongoingReward: { name: textIn(campaign.name, undefined, program.defaultLanguage), type: 'Points', value: String(campaign.walletReward) },
    nextMilestone: current + 1,
    lastActivityDate: progress.streak.lastDay === null ? undefined : `${progress.streak.lastDay}T00:00:00.000Z`,
    campaignEndDate: campaign.activation.endDate ?? undefined,
    badges: [],
  };
}

/** EventBased campaigns as step lists (missions: several events joined by `and`; `all`: every one). */
export function automationView(program: CampaignProgram, { customer, standing, now }: Standing, campaignType: 'mission' | 'all'): Schemas['CampaignAutomation'] {
  const campaigns = program.campaigns
    .filter((c) => c.type === 'EventBased' && c.multiplier === null && isRunning(c, now) && isVisibleTo(c, progressIn(standing, c.id)))
    .filter((c) => campaignType === 'all' || (c.eventsJoin === 'and' && c.events.length > 1))
    .map((c) => {
      const progress = progressIn(standing, c.id);
      const unlocked = isOpenTo(program, c, customer, now);
      const automation = c.events.map((e, i) => ({
        order: i + 1,
        name: e.name,
        isUnlocked: unlocked,
        completed: progress.seen.includes(i),
        steps: null,
        completionPercentage: progress.seen.includes(i) ? 100 : 0,
      }));
      return { campaignId: c.id, campaignName: textIn(c.name, undefined, program.defaultLanguage), automation, automationCount: automation.length };
    });
  return { campaigns, count: campaigns.length };
}
