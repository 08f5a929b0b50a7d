import type { FiredEvent } from '../events/fired-event.js';
import type { ProgramUnit } from '../points/unit.js';
import type { CampaignProgram } from './campaign-config.js';
import { grantAchievement, recordProgress } from './achieve.js';
import { evaluateEvents, listeningCampaigns } from './evaluate-events.js';
import { saveProgress, standingsAlongside, unitStandings } from './progress-store.js';

/**
 * The standings read to send with the customer's lock (CustomerTarget.alongside) when
 * awardEventCampaigns will need them for these events (a campaign listens to one of them).
 */
export function standingsWithLock(program: CampaignProgram, events: readonly string[]): typeof standingsAlongside | undefined {
  return listeningCampaigns(program, events).length > 0 ? standingsAlongside : undefined;
}

/** Records campaign progress for the events and grants every campaign they complete. */
export async function awardEventCampaigns(unit: ProgramUnit<CampaignProgram>, events: readonly FiredEvent[]): Promise<void> {
  const program = unit.account.program;
  if (events.length === 0 || listeningCampaigns(program, events.map((e) => e.name)).length === 0) return;
  const standing = await unitStandings(unit);
  const { outcomes, changed } = evaluateEvents(program, unit.customer, standing, events, unit.now);
  for (const { event, campaigns } of outcomes) {
    for (const outcome of campaigns) {
      if (outcome.step === 'progress') await recordProgress(unit, outcome.campaign, event.name, outcome.after);
      if (outcome.step === 'achieved') await grantAchievement(unit, outcome.campaign, outcome.progress.achievedCount);
    }
  }
  for (const id of changed) await saveProgress(unit, standing.get(id)!);
}
