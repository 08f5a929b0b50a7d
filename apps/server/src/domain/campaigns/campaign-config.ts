import { booleanOf, instantOf, integerOf, listOf, objectOf, oneOf, textOf, decimalOf } from '../program/config-readers.js';
import { parseLocalText, type LocalText } from '../program/local-text.js';
import type { Decimal } from '../shared/decimal.js';
import type { TieredProgram } from '../tiers/tier-config.js';
import { parseConditions, type Condition } from './conditions-config.js';

export type { Condition };

export const CAMPAIGN_TYPES = ['SignUp', 'SocialMedia', 'ScheduledChallenge', 'EventBased', 'HighScore', 'Birthday', 'Anniversary'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

export const VISIBILITIES = ['AlwaysVisible', 'NotVisible', 'VisibleIfEarned'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export interface CampaignEvent {
  name: string;
  conditions: Condition[];
}

/** A points multiplier on `place_order`: applied to the base points of matching lines, floored per line. */
export interface PointsMultiplier {
  factor: Decimal;
  /** Lines in one of these collections (empty: every line, unless `skus` is set). */
  collections: string[];
  skus: string[];
}

/** A reward campaign of the account's program (the seed's challenge object, with the rules it runs on). */
export interface Campaign {
  id: number;
  name: LocalText;
  description: LocalText;
  type: CampaignType;
  walletReward: number;
  rankReward: number;
  repeatable: boolean;
  /** How many times one customer can achieve it; 0 = unlimited (only when repeatable). */
  maxAchievement: number;
  /** At most this many achievements per customer per UTC day; null = no daily cap. */
  maxPerDay: number | null;
  visibility: Visibility;
  icon: string | null;
  availability: { minLevel: number | null; tags: string[] };
  activation: { startDate: string | null; endDate: string | null };
  isActive: boolean;
  /** EventBased: the events that complete it, joined by `eventsJoin`. */
  events: CampaignEvent[];
  eventsJoin: 'and' | 'or';
  multiplier: PointsMultiplier | null;
  /** HighScore: the score that completes it. */
  scoreTarget: number | null;
}

/** A program with its tiers and reward campaigns: what the campaign rules read. */
export type CampaignProgram = TieredProgram & { campaigns: readonly Campaign[] };

function parseCampaign(raw: unknown, where: string, defaultLanguage: string): Campaign {
  const c = objectOf(raw, where);
  const availability = objectOf(c.availability, `${where}.availability`);
  const activation = objectOf(c.activation, `${where}.activation`);
  const multiplier = c.multiplier === undefined || c.multiplier === null ? null : objectOf(c.multiplier, `${where}.multiplier`);
  const repeatable = booleanOf(c.repeatable ?? false, `${where}.repeatable`);
  return {
    id: integerOf(c.id, `${where}.id`, 1, 2_147_483_647),
    name: parseLocalText(c.name, `${where}.name`, defaultLanguage),
    description: parseLocalText(c.description, `${where}.description`, defaultLanguage),
    type: oneOf(c.type ?? 'EventBased', `${where}.type`, CAMPAIGN_TYPES),
    walletReward: integerOf(c.walletReward ?? 0, `${where}.walletReward`, 0, 1e12),
    rankReward: integerOf(c.rankReward ?? 0, `${where}.rankReward`, 0, 1e12),
    repeatable,
    maxAchievement: repeatable ? Math.max(0, integerOf(c.maxAchievement ?? 0, `${where}.maxAchievement`, -1, 1e9)) : 1,
    maxPerDay: c.maxPerDay === undefined || c.maxPerDay === null ? null : integerOf(c.maxPerDay, `${where}.maxPerDay`, 1, 1e9),
    visibility: oneOf(c.visibility ?? 'AlwaysVisible', `${where}.visibility`, VISIBILITIES),
    icon: c.icon === undefined || c.icon === null ? null : textOf(c.icon, `${where}.icon`),
    availability: {
      minLevel: availability.minLevel === undefined || availability.minLevel === null ? null : integerOf(availability.minLevel, `${where}.availability.minLevel`, 0, 1e6),
      tags: listOf(availability.tags, `${where}.availability.tags`).map((tag, i) => textOf(tag, `${where}.availability.tags[${i}]`)),
    },
    activation: { startDate: instantOf(activation.startDate, `${where}.activation.startDate`), endDate: instantOf(activation.endDate, `${where}.activation.endDate`) },
    isActive: booleanOf(c.isActive ?? true, `${where}.isActive`),
    events: listOf(c.events, `${where}.events`).map((e, i) => {
      const event = objectOf(e, `${where}.events[${i}]`);
      return {
        name: textOf(event.name, `${where}.events[${i}].name`),
        conditions: parseConditions(event.conditions, `${where}.events[${i}].conditions`),
      };
    }),
    eventsJoin: oneOf(c.eventsJoin ?? 'and', `${where}.eventsJoin`, ['and', 'or'] as const),
    multiplier: multiplier && {
      factor: decimalOf(multiplier.factor, `${where}.multiplier.factor`, true),
      collections: listOf(multiplier.collections, `${where}.multiplier.collections`).map(String),
      skus: listOf(multiplier.skus, `${where}.multiplier.skus`).map(String),
    },
    scoreTarget: c.scoreTarget === undefined || c.scoreTarget === null ? null : integerOf(c.scoreTarget, `${where}.scoreTarget`, 1, 1e15),
  };
}

/** Reads the account's `rewardCampaigns` list; ids must be unique. */
export function parseCampaigns(raw: unknown, where: string, defaultLanguage: string): Campaign[] {
  const campaigns = listOf(raw, where).map((c, i) => parseCampaign(c, `${where}[${i}]`, defaultLanguage));
  const ids = new Set<number>();
  for (const c of campaigns) {
    if (ids.has(c.id)) throw new Error(`${where}: two campaigns have the id ${c.id}.`);
    ids.add(c.id);
  }
  return campaigns;
}

