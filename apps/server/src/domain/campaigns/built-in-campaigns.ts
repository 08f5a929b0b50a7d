import type { ProgramUnit } from '../points/unit.js';
import { grantAchievement } from './achieve.js';
import type { Campaign, CampaignProgram } from './campaign-config.js';
import { hasRoom, isOpenTo } from './eligibility.js';
import { progressIn, saveProgress, unitStandings } from './progress-store.js';
import { countAchievement } from './progress.js';

/**
 * Achieves campaigns that complete on a single fact rather than on events: SignUp (the customer
 * was created), HighScore (the score reached the target), SocialMedia (the shop reported the
 * challenge done), Birthday and Anniversary (the day came). Each campaign is achieved at most
 * once per call, when it is open to the customer and has room left. Answers the ids achieved.
 */
export async function achieveDirectly(unit: ProgramUnit<CampaignProgram>, campaigns: readonly Campaign[]): Promise<number[]> {
  if (campaigns.length === 0) return [];
  const program = unit.account.program;
  const open = campaigns.filter((c) => isOpenTo(program, c, unit.customer, unit.now));
  if (open.length === 0) return [];
  const standing = await unitStandings(unit);
  const achieved: number[] = [];
  for (const campaign of open) {
    const progress = progressIn(standing, campaign.id);
    if (!hasRoom(campaign, progress, unit.now)) continue;
    if (campaign.type === 'HighScore' && progress.achievedCount > 0) continue; // a score is reached once
    countAchievement(progress, unit.now);
    await saveProgress(unit, progress);
    await grantAchievement(unit, campaign, progress.achievedCount);
    achieved.push(campaign.id);
  }
  return achieved;
}

/** SignUp campaigns, run once in the unit of work that created the customer. */
export async function welcomeCustomer(unit: ProgramUnit<CampaignProgram>): Promise<void> {
  await achieveDirectly(unit, unit.account.program.campaigns.filter((c) => c.type === 'SignUp'));
}

/**
 * HighScore campaigns whose target the customer's score crossed in this unit of work (from below
 * `scoreAtStart` to at or above it), at the end of every unit. Costs no query unless a target was
 * crossed. Answers the ids achieved.
 */
export async function awardHighScore(unit: ProgramUnit<CampaignProgram>, scoreAtStart: number): Promise<number[]> {
  const score = unit.wallet.score;
  const crossed = (target: number | null) => target !== null && scoreAtStart < target && score >= target;
  const reached = unit.account.program.campaigns.filter((c) => c.type === 'HighScore' && crossed(c.scoreTarget));
  return achieveDirectly(unit, reached);
}
