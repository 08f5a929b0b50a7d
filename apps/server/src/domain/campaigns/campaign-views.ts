import type { components } from '@gameball-open/server-types';
import type { CustomerRow } from '../../store/schema.js';
import { textIn } from '../program/local-text.js';
import { toNumber } from '../shared/decimal.js';
import type { Campaign, CampaignProgram } from './campaign-config.js';
import { hasRoom, isExhausted, isOpenTo } from './eligibility.js';
import { completionPercentage, type CampaignProgress } from './progress.js';

type Schemas = components['schemas'];

/** A campaign as configured, in Gameball's challenge shape plus the reference's names for the same fields. */
export function campaignConfiguration(program: CampaignProgram, c: Campaign, lang: string | undefined): Schemas['CampaignConfiguration'] {
  const description = textIn(c.description, lang, program.defaultLanguage);
  return {
    id: c.id,
    name: textIn(c.name, lang, program.defaultLanguage),
    description,
    rankReward: c.rankReward,
    walletReward: c.walletReward,
    repeatable: c.repeatable,
    isRepeatable: c.repeatable,
    maxAchievement: c.maxAchievement,
    maxPerDay: c.maxPerDay,
    type: c.type,
    visibility: c.visibility,
    icon: c.icon,
    // No minimum tier: the tier fields are left out rather than null (the reference declares integers).
    availability: { minLevel: c.availability.minLevel ?? undefined, minTier: c.availability.minLevel ?? undefined, tags: [...c.availability.tags] },
    activation: { startDate: c.activation.startDate, endDate: c.activation.endDate },
    isActive: c.isActive,
    redirectionButtonText: null,
    redirectionButtonLink: null,
    rewards: [{ rankReward: c.rankReward, walletReward: c.walletReward, walletRewardFactor: c.multiplier ? toNumber(c.multiplier.factor) : null, couponReward: null }],
  };
}

/** Whether the customer sees the campaign: not NotVisible, and VisibleIfEarned only once achieved. */
export function isVisibleTo(c: Campaign, progress: CampaignProgress): boolean {
  if (c.visibility === 'NotVisible') return false;
  return c.visibility !== 'VisibleIfEarned' || progress.achievedCount > 0;
}

/** Whether the customer can achieve the campaign now: open to them, with room left, and awarding something on its own. */
export function canAchieve(program: CampaignProgram, c: Campaign, customer: CustomerRow, progress: CampaignProgress, at: string): boolean {
  return c.multiplier === null && isOpenTo(program, c, customer, at) && hasRoom(c, progress, at);
}

/** How far the customer is towards the next achievement; 100 once it can never be achieved again. */
export function percentageOf(c: Campaign, progress: CampaignProgress, score: number): number {
  if (isExhausted(c, progress)) return 100;
  if (c.type === 'HighScore' && c.scoreTarget !== null) return Math.max(0, Math.min(100, Math.floor((score * 100) / c.scoreTarget)));
  return completionPercentage(c, progress);
}
