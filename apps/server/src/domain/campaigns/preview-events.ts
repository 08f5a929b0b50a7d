import type { CustomerRow } from '../../store/schema.js';
import type { Queryable } from '../../store/sql.js';
import type { FiredEvent } from '../events/fired-event.js';
import { readMetadata, SYSTEM_EVENTS } from '../events/metadata.js';
import { textIn } from '../program/local-text.js';
import type { CampaignProgram } from './campaign-config.js';
import { evaluateEvents, listeningCampaigns, type CampaignOutcome } from './evaluate-events.js';
import { loadProgress } from './progress-store.js';
import type { CampaignProgress } from './progress.js';

/** One campaign an event would touch, as POST /events/reward-preview shows it. */
export interface CampaignPreview {
  campaignId: number;
  campaignName: string;
  campaignEndDate: string | null;
  eligible: boolean;
  reason: 'Rewarded' | 'ProgressOnly' | 'NoMatchingConditions' | 'NonPointsReward';
  rewardType: 'Points' | 'Coupon';
  rewardPoints: number | null;
  couponType: string | null;
  couponValue: number | null;
  points: number;
  timesAchieved: number;
  progress: { currentPercentage: number; wouldBePercentage: number } | null;
}

export interface EventPreview {
  eventName: string;
  valid: boolean;
  invalidReason: string | null;
  totalPoints: number;
  campaigns: CampaignPreview[];
}

export interface EventsPreview {
  customerId: string;
  totalPoints: number;
  events: EventPreview[];
}

/** An event as a caller hands it to the preview: its name and raw metadata (null allowed). */
export interface PreviewEvent {
  name: string;
  metadata: unknown;
}

/** What a preview reads of the program: its campaigns, and the referral's event, which is a known event too. */
export type PreviewProgram = CampaignProgram & { referral: { eventName: string } | null };

/** A customer not stored yet, as the engine would see them right after creation. */
function newcomer(customerId: string): CustomerRow {
  return {
    id: 0, account_id: '', customer_id: customerId, email: null, mobile: null, attributes: '{}', referral_code: '', referrer_code: null,
    is_guest: 0, hash: '', created_at: '', updated_at: '', deleted_at: null, tier_order: null, amount_spent: '0', orders_count: 0,
    friends_referred: 0, is_active: 1,
  };
}

/** Event names the program knows: any campaign's (running or not), the referral's and the system's. */
function knownEventNames(program: PreviewProgram): Set<string> {
  const names = new Set<string>(SYSTEM_EVENTS);
  for (const c of program.campaigns) for (const e of c.events) names.add(e.name);
  if (program.referral?.eventName) names.add(program.referral.eventName);
  return names;
}

function campaignPreview(program: PreviewProgram, outcome: CampaignOutcome, lang: string | undefined): CampaignPreview {
  const { campaign, step, before, after } = outcome;
  const achieved = step === 'achieved';
  const points = achieved ? campaign.walletReward : 0;
  let reason: CampaignPreview['reason'] = 'NoMatchingConditions';
  if (achieved) reason = points > 0 ? 'Rewarded' : 'NonPointsReward';
  else if (step === 'progress') reason = 'ProgressOnly';
  return {
    campaignId: campaign.id,
    campaignName: textIn(campaign.name, lang, program.defaultLanguage),
    campaignEndDate: campaign.activation.endDate,
    eligible: step !== 'none',
    reason,
    rewardType: 'Points',
    rewardPoints: campaign.walletReward,
    couponType: null,
    couponValue: null,
    points,
    timesAchieved: achieved ? 1 : 0,
    progress: { currentPercentage: before, wouldBePercentage: step === 'none' ? before : after },
  };
}

/**
 * What the events would earn this customer now, without writing anything: the same evaluation
 * the engine runs (evaluateEvents) on the customer's stored campaign progress, in request order.
 * An event no campaign, referral or system knows is `EventNotFound`; bad metadata is
 * `InvalidMetadata: ...`; neither counts. Orders use it to quote a `place_order` event.
 * `q` may be any read view (a snapshot or the caller's transaction). For a customer who does not
 * exist yet pass `{ customerId }`: they are quoted as a new customer (lowest tier, no tags, no
 * progress; the SignUp reward is not included).
 */
export async function previewEvents(
  q: Queryable,
  program: PreviewProgram,
  known: CustomerRow | { customerId: string },
  events: readonly PreviewEvent[],
  now: string,
  lang?: string,
): Promise<EventsPreview> {
  const customer = 'customerId' in known ? newcomer(known.customerId) : known;
  const names = knownEventNames(program);
  const checked = events.map((e) => {
    if (!names.has(e.name)) return { name: e.name, invalid: 'EventNotFound' as string | null, fired: null };
    const read = readMetadata(e.metadata, true);
    if ('invalid' in read) return { name: e.name, invalid: `InvalidMetadata: ${read.invalid}`, fired: null };
    return { name: e.name, invalid: null, fired: { name: e.name, metadata: read.metadata } as FiredEvent };
  });
  const fired = checked.flatMap((c) => (c.fired ? [c.fired] : []));
  const listening = listeningCampaigns(program, fired.map((e) => e.name)).length > 0;
  const standing: Map<number, CampaignProgress> = listening && customer.id > 0 ? await loadProgress(q, customer.id) : new Map();
  const { outcomes } = evaluateEvents(program, customer, standing, fired, now);
  let next = 0;
  const previews = checked.map((c): EventPreview => {
    if (!c.fired) return { eventName: c.name, valid: false, invalidReason: c.invalid, totalPoints: 0, campaigns: [] };
    const outcome = outcomes[next++]!;
    const campaigns = outcome.campaigns.map((o) => campaignPreview(program, o, lang));
    return { eventName: c.name, valid: true, invalidReason: null, totalPoints: campaigns.reduce((s, x) => s + x.points, 0), campaigns };
  });
  return { customerId: customer.customer_id, totalPoints: previews.reduce((s, e) => s + e.totalPoints, 0), events: previews };
}
