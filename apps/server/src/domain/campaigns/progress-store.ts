import { later, sql, type Queryable } from '../../store/sql.js';
import { freshProgress, type CampaignProgress } from './progress.js';

interface ProgressRow {
  campaign_id: number;
  achieved_count: number;
  achieved_day: string | null;
  day_count: number;
  last_achieved_at: string | null;
  state: string;
}

const SELECT = sql(
  'SELECT campaign_id, achieved_count, achieved_day, day_count, last_achieved_at, state FROM campaign_progress WHERE customer_pk = ?',
);
const UPSERT = sql(
  `INSERT INTO campaign_progress (customer_pk, campaign_id, account_id, achieved_count, achieved_day, day_count, last_achieved_at, state, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (customer_pk, campaign_id) DO UPDATE SET achieved_count = excluded.achieved_count, achieved_day = excluded.achieved_day,
     day_count = excluded.day_count, last_achieved_at = excluded.last_achieved_at, state = excluded.state, updated_at = excluded.updated_at`,
);

/** Reads started ahead of their use (readProgressAhead), by transaction and customer. */
const ahead = new WeakMap<Queryable, Map<number, Promise<ProgressRow[]>>>();

/**
 * Starts reading a customer's standings now, without waiting: the next loadProgress of that
 * customer in `q` takes this read instead of sending its own. On PostgreSQL the read then shares
 * a round trip with the statements sent after it (a purchase's ledger entry) instead of costing
 * one of its own when the campaigns run. A standing saved meanwhile drops it.
 */
export function readProgressAhead(q: Queryable, customerPk: number): void {
  let started = ahead.get(q);
  if (!started) ahead.set(q, (started = new Map()));
  if (started.has(customerPk)) return;
  const reading = q.all<ProgressRow>(SELECT, [customerPk]);
  // Nobody may take it (a customer whose events do not run): its failure fails the transaction's next statement anyway.
  reading.catch(() => undefined);
  started.set(customerPk, reading);
}

/** Every campaign standing of one customer, by campaign id (one query; as many rows as campaigns touched). */
export async function loadProgress(q: Queryable, customerPk: number): Promise<Map<number, CampaignProgress>> {
  const early = ahead.get(q)?.get(customerPk);
  ahead.get(q)?.delete(customerPk);
  const rows = await (early ?? q.all<ProgressRow>(SELECT, [customerPk]));
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

/** The standing in a campaign, or a fresh one when the customer never touched it. */
export function progressIn(all: Map<number, CampaignProgress>, campaignId: number): CampaignProgress {
  return all.get(campaignId) ?? freshProgress(campaignId);
}

export async function saveProgress(q: Queryable, accountId: string, customerPk: number, p: CampaignProgress, now: string): Promise<void> {
  ahead.get(q)?.delete(customerPk);
  await later(q, UPSERT, [
    customerPk, p.campaignId, accountId, p.achievedCount, p.achievedDay, p.dayCount, p.lastAchievedAt,
    JSON.stringify({ seen: p.seen, tallies: p.tallies, streak: p.streak, reportedAt: p.reportedAt ?? null }), now,
  ]);
}
