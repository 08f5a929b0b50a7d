import type { CustomerRow } from '../../store/schema.js';
import type { FiredEvent } from '../events/fired-event.js';
import type { Campaign, CampaignProgram } from './campaign-config.js';
import { awardsOnEvents, hasRoom, isOpenTo } from './eligibility.js';
import { applyEvent, completionPercentage, copyProgress, countAchievement, freshProgress, type CampaignProgress, type Step } from './progress.js';

/** What one event did to one campaign the customer could still achieve. */
export interface CampaignOutcome {
  campaign: Campaign;
  step: Step;
  /** Completion before and after the event, 0-100 (100 when it achieved the campaign). */
  before: number;
  after: number;
  /** The campaign's progress after the event (its achievedCount numbers an achievement). */
  progress: CampaignProgress;
}

export interface EventOutcome {
  event: FiredEvent;
  campaigns: CampaignOutcome[];
}

/** The campaigns that award on any of these event names; none means nothing to read or write. */
export function listeningCampaigns(program: CampaignProgram, names: readonly string[]): Campaign[] {
  return program.campaigns.filter((c) => awardsOnEvents(c) && c.events.some((e) => names.includes(e.name)));
}

/**
 * The one evaluation of events against campaigns, shared by the engine (which then writes what
 * it says) and the reward preview (which only shows it). Events are taken in order; each changes
 * `standing` in memory, so a later event sees what an earlier one did. Campaigns closed to the
 * customer (not running, tier, tags, opted out) or with no room left (total or daily cap) are
 * left out. Answers the outcome per event and the campaign ids whose progress changed.
 */
export function evaluateEvents(
  program: CampaignProgram,
  customer: CustomerRow,
  standing: Map<number, CampaignProgress>,
  events: readonly FiredEvent[],
  now: string,
): { outcomes: EventOutcome[]; changed: Set<number> } {
  const changed = new Set<number>();
  const outcomes = events.map((event) => {
    const campaigns: CampaignOutcome[] = [];
    for (const campaign of listeningCampaigns(program, [event.name])) {
      if (!isOpenTo(program, campaign, customer, now)) continue;
      let progress = standing.get(campaign.id);
      if (!progress) {
        progress = freshProgress(campaign.id);
        standing.set(campaign.id, progress);
      }
      if (!hasRoom(campaign, progress, now)) continue;
      const before = completionPercentage(campaign, progress);
      const step = applyEvent(campaign, progress, event, now);
      if (step === 'achieved') countAchievement(progress, now);
      if (step !== 'none') changed.add(campaign.id);
      const after = step === 'achieved' ? 100 : completionPercentage(campaign, progress);
      campaigns.push({ campaign, step, before, after, progress: copyProgress(progress) });
    }
    return { event, campaigns };
  });
  return { outcomes, changed };
}
