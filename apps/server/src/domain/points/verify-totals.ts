import { sql, type Queryable } from '../../store/sql.js';
import type { EntryType } from './entry-types.js';
import { bucketStart, EVERY_CAMPAIGN, progressSign, type TotalsLevel } from './progress-totals.js';

const ENTRIES = sql(
  `SELECT id, account_id, customer_pk, type, points, score, created_at, achieved_reward_campaign_id
     FROM ledger_entries ORDER BY id`,
);
const TOTALS = sql('SELECT account_id, campaign_id, level, starts_at, customer_pk, points, score, last_entry_id FROM leaderboard_totals');
const LEVELS: readonly TotalsLevel[] = ['hour', 'day', 'month', 'all'];

interface Entry {
  id: number;
  account_id: string;
  customer_pk: number;
  type: EntryType;
  points: number;
  score: number;
  created_at: string;
  achieved_reward_campaign_id: number | null;
}

interface TotalRow {
  account_id: string;
  campaign_id: number;
  level: string;
  starts_at: string;
  customer_pk: number;
  points: number;
  score: number;
  last_entry_id: number;
}

/**
 * Compares the stored leaderboard totals with sums of the ledger itself; answers the
 * differences (none when they agree): a row missing, left over, or with other figures.
 */
export async function verifyTotals(q: Queryable): Promise<string[]> {
  const expected = new Map<string, [number, number, number]>();
  for (const e of await q.all<Entry>(ENTRIES)) {
    const sign = progressSign(e.type);
    if (sign === 0) continue;
    const campaigns = e.achieved_reward_campaign_id === null ? [EVERY_CAMPAIGN] : [EVERY_CAMPAIGN, Number(e.achieved_reward_campaign_id)];
    for (const campaign of campaigns) {
      for (const level of LEVELS) {
        const key = [e.account_id, campaign, level, bucketStart(level, e.created_at), Number(e.customer_pk)].join(' ');
        const sums = expected.get(key) ?? [0, 0, 0];
        expected.set(key, [sums[0] + sign * Number(e.points), sums[1] + sign * Number(e.score), Math.max(sums[2], Number(e.id))]);
      }
    }
  }
  const problems: string[] = [];
  for (const row of await q.all<TotalRow>(TOTALS)) {
    const key = [row.account_id, Number(row.campaign_id), row.level, row.starts_at, Number(row.customer_pk)].join(' ');
    const stored = [Number(row.points), Number(row.score), Number(row.last_entry_id)];
    const sums = expected.get(key);
    expected.delete(key);
    if (JSON.stringify(stored) !== JSON.stringify(sums)) {
      problems.push(`leaderboard totals ${key}: stored ${JSON.stringify(stored)}, ledger says ${JSON.stringify(sums ?? null)}`);
    }
  }
  for (const [key, sums] of expected) problems.push(`leaderboard totals ${key}: missing, ledger says ${JSON.stringify(sums)}`);
  return problems;
}
