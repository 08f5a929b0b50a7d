import { later, sql, type Queryable } from '../../store/sql.js';
import { LIVE_OR_ALIASED_ID } from '../customers/customer-store.js';
import type { Unit } from '../points/unit.js';
import { freshProgress, type CampaignProgress } from './progress.js';

interface ProgressRow {
  campaign_id: number;
  achieved_count: number;
  achieved_day: string | null;
  day_count: number;
  last_achieved_at: string | null;
  state: string;
}

const STANDING = 'SELECT campaign_id, achieved_count, achieved_day, day_count, last_achieved_at, state FROM campaign_progress';
const SELECT = sql(`${STANDING} WHERE customer_pk = ?`);
const UPSERT = sql(
  `INSERT INTO campaign_progress (customer_pk, campaign_id, account_id, achieved_count, achieved_day, day_count, last_achieved_at, state, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (customer_pk, campaign_id) DO UPDATE SET achieved_count = excluded.achieved_count, achieved_day = excluded.achieved_day,
     day_count = excluded.day_count, last_achieved_at = excluded.last_achieved_at, state = excluded.state, updated_at = excluded.updated_at`,
);

function standingsOf(rows: Iterable<ProgressRow>): Map<number, CampaignProgress> {
  const byCampaign = new Map<number, CampaignProgress>();
  for (const row of rows) {
    const state = JSON.parse(row.state) as Partial<Pick<CampaignProgress, 'seen' | 'tallies' | 'streak' | 'reportedAt'>>;
    byCampaign.set(Number(row.campaign_id), {
      campaignId: Number(row.campaign_id),
      achievedCount: Number(row.achieved_count),
      achievedDay: row.achieved_day,
      dayCount: Number(row.day_count),
      lastAchievedAt: row.last_achieved_at,
      seen: state.seen ?? [],
      tallies: state.tallies ?? {},
      streak: state.streak ?? { current: 0, highest: 0, lastDay: null },
      reportedAt: state.reportedAt ?? null,
    });
  }
  return byCampaign;
}

/** Every campaign standing of one customer, by campaign id (one query; as many rows as campaigns touched). */
export async function loadProgress(q: Queryable, customerPk: number): Promise<Map<number, CampaignProgress>> {
  return standingsOf(await q.all<ProgressRow>(SELECT, [customerPk]));
}

/** What a unit of work needs to read and save its customer's standings. */
export type StandingsUnit = Pick<Unit, 'q' | 'customer' | 'account' | 'now' | 'created' | 'alongside'>;

/** The name under which the use case sends the standings read with the lock (`standingsAlongside`). */
const ALONGSIDE = 'campaign standings';

// The standings of the customer lockCustomer finds by this ID.
const SELECT_BY_CUSTOMER_ID = sql(`${STANDING} WHERE customer_pk = ${LIVE_OR_ALIASED_ID}`);

/**
 * The standings read to send right behind the customer's lock (CustomerTarget.alongside), when
 * the unit will read them: on PostgreSQL it then costs no round trip of its own. lockTarget hands
 * it to the unit only when that lock found the customer, so it ran under the unit's lock.
 */
export const standingsAlongside = {
  [ALONGSIDE]: (q: Queryable, accountId: string, customerId: string) =>
    q.all<ProgressRow>(SELECT_BY_CUSTOMER_ID, [accountId, customerId, accountId, customerId]),
};

/**
 * The standings each unit of work read, then as it saved them, by unit: its customer is locked
 * and nothing else writes them meanwhile, so the unit reads them once (with the lock when the use
 * case sent that read; a customer it created has none: no read at all), and a campaign run after
 * another in the same unit costs no query. Kept as rows, so each unitStandings answers objects
 * of its own.
 */
const knownByUnit = new WeakMap<StandingsUnit, Map<number, ProgressRow>>();

/** The unit's customer's standings, by campaign id: fresh objects, the caller's to change and save. */
export async function unitStandings(unit: StandingsUnit): Promise<Map<number, CampaignProgress>> {
  let known = knownByUnit.get(unit);
  if (!known) {
    const withLock = unit.alongside.get(ALONGSIDE) as Promise<ProgressRow[]> | undefined;
    const rows = unit.created ? [] : await (withLock ?? unit.q.all<ProgressRow>(SELECT, [unit.customer.id]));
    known = new Map(rows.map((row) => [Number(row.campaign_id), row]));
    knownByUnit.set(unit, known);
  }
  return standingsOf(known.values());
}

/** The standing in a campaign, or a fresh one when the customer never touched it. */
export function progressIn(all: Map<number, CampaignProgress>, campaignId: number): CampaignProgress {
  return all.get(campaignId) ?? freshProgress(campaignId);
}

/** Saves one standing of the unit's customer (sent without waiting), and keeps it for the unit's next read. */
export async function saveProgress(unit: StandingsUnit, p: CampaignProgress): Promise<void> {
  const known = knownByUnit.get(unit);
  // What is saved was read through unitStandings: the unit's next read takes it from there.
  if (!known) throw new Error('saveProgress: the standings were not read in this unit (unitStandings)');
  const { q, customer, now } = unit;
  const row: ProgressRow = {
    campaign_id: p.campaignId,
    achieved_count: p.achievedCount,
    achieved_day: p.achievedDay,
    day_count: p.dayCount,
    last_achieved_at: p.lastAchievedAt,
    state: JSON.stringify({ seen: p.seen, tallies: p.tallies, streak: p.streak, reportedAt: p.reportedAt ?? null }),
  };
  known.set(p.campaignId, row);
  await later(q, UPSERT, [customer.id, p.campaignId, unit.account.id, row.achieved_count, row.achieved_day, row.day_count, row.last_achieved_at, row.state, now]);
}
