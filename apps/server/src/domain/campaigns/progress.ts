import type { FiredEvent } from '../events/fired-event.js';
import type { Campaign } from './campaign-config.js';
import { foldTally, isHistoryCondition, meetsCondition, tallyRatio, type Tally } from './operators.js';

/**
 * A customer's standing in one campaign: how often it was achieved (in all and on the UTC day of
 * the last achievement) and the progress towards the next achievement. `seen` lists the indexes
 * of the campaign's events already done (for events joined by `and`); `tallies` holds the
 * running figure of each history condition, keyed `<event index>.<condition index>`.
 */
export interface CampaignProgress {
  campaignId: number;
  achievedCount: number;
  achievedDay: string | null;
  dayCount: number;
  lastAchievedAt: string | null;
  seen: number[];
  tallies: Record<string, Tally>;
  /** Consecutive UTC days with a matching event (kept across achievements). */
  streak: Streak;
  /** SocialMedia: when the shop last reported the challenge done (for the short dedup window). */
  reportedAt?: string | null;
}

export interface Streak {
  current: number;
  highest: number;
  lastDay: string | null;
}

export function freshProgress(campaignId: number): CampaignProgress {
  return { campaignId, achievedCount: 0, achievedDay: null, dayCount: 0, lastAchievedAt: null, seen: [], tallies: {}, streak: { current: 0, highest: 0, lastDay: null } };
}

export function copyProgress(p: CampaignProgress): CampaignProgress {
  return { ...p, seen: [...p.seen], tallies: structuredClone(p.tallies), streak: { ...p.streak } };
}

/** What one event did to a campaign: nothing, progress, or an achievement. */
export type Step = 'none' | 'progress' | 'achieved';

/**
 * Applies one event to a campaign's progress (in place) and says what happened. An event counts
 * for each of the campaign's events with its name whose one-event conditions it meets; it then
 * adds to the history tallies, and that campaign event is done once every history condition has
 * reached its target. Joined by `or`, one done event achieves the campaign; by `and`, all must
 * have been done (at any time since the last achievement). An achievement starts the progress
 * over (seen events and tallies).
 */
export function applyEvent(campaign: Campaign, progress: CampaignProgress, event: FiredEvent, now: string): Step {
  let matched = false;
  let doneNow = false;
  campaign.events.forEach((spec, i) => {
    if (spec.name !== event.name) return;
    if (!spec.conditions.every((c) => meetsCondition(c, event.metadata))) return;
    matched = true;
    let done = true;
    spec.conditions.forEach((condition, j) => {
      if (!isHistoryCondition(condition)) return;
      const key = `${i}.${j}`;
      progress.tallies[key] = foldTally(condition, progress.tallies[key], event.metadata);
      if (tallyRatio(condition, progress.tallies[key]) < 1) done = false;
    });
    if (done) {
      doneNow = true;
      if (!progress.seen.includes(i)) progress.seen.push(i);
    }
  });
  if (!matched) return 'none';
  extendStreak(progress.streak, now);
  const achieved = campaign.eventsJoin === 'or' ? doneNow : campaign.events.every((_, i) => progress.seen.includes(i));
  if (!achieved) return 'progress';
  progress.seen = [];
  progress.tallies = {};
  return 'achieved';
}

/** Counts an achievement at `now` (its UTC day starts the per-day count over). */
export function countAchievement(progress: CampaignProgress, now: string): void {
  const day = now.slice(0, 10);
  progress.dayCount = progress.achievedDay === day ? progress.dayCount + 1 : 1;
  progress.achievedDay = day;
  progress.achievedCount += 1;
  progress.lastAchievedAt = now;
}

/** How far the customer is towards the next achievement, 0 to 100 (whole percent, rounded down). */
export function completionPercentage(campaign: Campaign, progress: CampaignProgress): number {
  if (campaign.events.length === 0) return 0;
  const parts = campaign.events.map((spec, i) => {
    if (progress.seen.includes(i)) return 1;
    const history = spec.conditions.map((c, j) => [c, j] as const).filter(([c]) => isHistoryCondition(c));
    if (history.length === 0) return 0;
    return Math.min(...history.map(([c, j]) => tallyRatio(c, progress.tallies[`${i}.${j}`])));
  });
  const share = campaign.eventsJoin === 'or' ? Math.max(...parts) : parts.reduce((a, b) => a + b, 0) / parts.length;
  return Math.max(0, Math.min(100, Math.floor(share * 100 + 1e-9)));
}

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) - 86_400_000).toISOString().slice(0, 10);

/** Counts a matching event's UTC day in the streak: the same day changes nothing, the next day extends it, a gap restarts it. */
function extendStreak(streak: Streak, now: string): void {
  const day = now.slice(0, 10);
  if (streak.lastDay === day) return;
  streak.current = streak.lastDay !== null && streak.lastDay === dayBefore(day) ? streak.current + 1 : 1;
  streak.highest = Math.max(streak.highest, streak.current);
  streak.lastDay = day;
}

/** The streak as of `now`: it is broken once a whole UTC day passed without a matching event. */
export function currentStreak(streak: Streak, now: string): number {
  const day = now.slice(0, 10);
  return streak.lastDay === day || (streak.lastDay !== null && streak.lastDay === dayBefore(day)) ? streak.current : 0;
}
