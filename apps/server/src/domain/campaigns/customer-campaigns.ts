import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import type { Queryable } from '../../store/sql.js';
import { requireCustomer, type CustomerRow } from '../customers/customer-store.js';
import { loadWallet } from '../points/wallet.js';
import { textIn } from '../program/local-text.js';
import type { Campaign } from './campaign-config.js';
import { campaignConfiguration, canAchieve, isVisibleTo, percentageOf } from './campaign-views.js';
import { isOpenTo, isRunning } from './eligibility.js';
import { loadProgress, progressIn } from './progress-store.js';
import { currentStreak, type CampaignProgress } from './progress.js';

type Schemas = components['schemas'];

interface Standing {
  customer: CustomerRow;
  standing: Map<number, CampaignProgress>;
  now: string;
}

/** Reads a customer's campaign standing in one consistent view; an unknown customer is 404 (7000). */
async function withStanding<T>(scope: Scope, customerId: string, read: (s: Standing, q: Queryable) => Promise<T>): Promise<T> {
  const now = scope.clock.now().toISOString();
  return scope.store.snapshot(async (q) => {
    const customer = await requireCustomer(q, scope.account.id, customerId);
    return read({ customer, standing: await loadProgress(q, customer.id), now }, q);
  });
}

/** GET /customers/{id}/reward-campaigns-progress (behaviour §2.6). */
export async function rewardCampaignsProgress(
  scope: Scope,
  customerId: string,
  query: { campaignType?: 'reward' | 'game'; campaignId?: number },
): Promise<Schemas['CampaignProgressList']> {
  if (query.campaignId !== undefined && query.campaignId <= 0) throw errors.invalidValue('campaignId must be 1 or more.');
  const program = scope.account.program;
  return withStanding(scope, customerId, async ({ customer, standing, now }, q) => {
    if (query.campaignType === 'game') return [];
    const score = program.campaigns.some((c) => c.type === 'HighScore') ? (await loadWallet(q, customer.id, customer.account_id)).score : 0;
    return program.campaigns
      .filter((c) => isRunning(c, now) && isVisibleTo(c, progressIn(standing, c.id)))
      .filter((c) => query.campaignId === undefined || (c.id === query.campaignId && isOpenTo(program, c, customer, now)))
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
  });
}

/** An EventBased campaign by id for the stamp and streak views; anything else is 404 (4004). */
function eventCampaign(scope: Scope, id: number): Campaign {
  const campaign = scope.account.program.campaigns.find((c) => c.id === id && c.type === 'EventBased' && c.multiplier === null);
  if (!campaign || campaign.visibility === 'NotVisible') throw errors.campaignNotFound(id);
  return campaign;
}

/** GET /customers/{id}/stamps/{challengeId}: the campaign's events as stamps since its last achievement. */
export async function customerStamps(scope: Scope, customerId: string, challengeId: number): Promise<Schemas['CampaignStamps']> {
  const program = scope.account.program;
  const campaign = eventCampaign(scope, challengeId);
  return withStanding(scope, customerId, async ({ customer, standing, now }) => {
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
  });
}

/** GET /customers/{id}/streaks/{campaignId}: consecutive UTC days with an event the campaign counts. */
export async function customerStreak(scope: Scope, customerId: string, campaignId: number): Promise<Schemas['CampaignStreak']> {
  const program = scope.account.program;
  const campaign = eventCampaign(scope, campaignId);
  return withStanding(scope, customerId, async ({ standing, now }) => {
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
  });
}

/** GET /customers/{id}/automation: EventBased campaigns as step lists (missions: several events joined by `and`). */
export async function customerAutomation(scope: Scope, customerId: string, campaignType: 'mission' | 'all' = 'mission'): Promise<Schemas['CampaignAutomation']> {
  const program = scope.account.program;
  return withStanding(scope, customerId, async ({ customer, standing, now }) => {
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
  });
}
