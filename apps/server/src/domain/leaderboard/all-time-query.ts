import { sql, type Dialect, type Read } from '../../store/sql.js';
import { ALL_TIME, EVERY_CAMPAIGN } from '../points/progress-totals.js';
import { HAS_TAG, rankable, tagJoin, type RankingFilters } from './ranking-query.js';

export interface TopRow {
  customer_id: string;
  attributes: string;
  tier_order: number | null;
  progress: number | string;
}

export interface CountRow {
  total: number | string;
  /** How many rank ahead of the asked customer. */
  ahead: number | string | null;
  /** Above 0 when the asked customer is ranked. */
  found: number | string;
}

/**
 * The all-time board for one campaign key (everything earned, or one campaign's rewards) needs
 * no sums: each customer has one all-time row. The top rows come in order from an index on the
 * progress (no sort, `limit` rows read); the count of everyone ranked and the asked customer's
 * rank (those ahead of it) come from one pass over the account's rows. Two statements, to be
 * run in one consistent view.
 */
export function allTimeReads(dialect: Dialect, accountId: string, f: RankingFilters): { top: Read; count: Read } {
  const value = f.byScore ? 'score' : 'points';
  const campaign = f.campaigns?.[0] ?? EVERY_CAMPAIGN;
  const who = rankable(dialect, accountId, f, 't.customer_pk');
  // The bucket's start too, so a search by customer finds the row by its whole primary key.
  const ranked = `t.account_id = ? AND t.campaign_id = ? AND t.level = 'all' AND t.starts_at = ? AND t.${value} > 0 AND ${who.where}`;
  const rankedParams = [accountId, campaign, ALL_TIME, ...who.params];
  const top = sql(`
    SELECT c.customer_id, c.attributes, c.tier_order, t.${value} AS progress
      FROM leaderboard_totals t JOIN customers c ON c.id = t.customer_pk
     WHERE ${ranked}
     ORDER BY t.${value} DESC, t.last_entry_id ASC
     LIMIT ?`);
  // The asked customer's own row, found once (MATERIALIZED: never once per ranked row), then compared with each.
  const tag = f.customerTag === undefined ? '' : ` AND ${HAS_TAG[dialect]}`;
  const count = sql(`
    WITH mine AS MATERIALIZED (
      SELECT t.${value} AS progress, t.last_entry_id AS reached
        FROM customers c JOIN leaderboard_totals t
          ON t.account_id = ? AND t.campaign_id = ? AND t.level = 'all' AND t.starts_at = ? AND t.customer_pk = c.id
       WHERE c.account_id = ? AND c.customer_id = ? AND c.deleted_at IS NULL AND t.${value} > 0${tag}
    )
    SELECT count(*) AS total, count(m.progress) AS found,
           sum(CASE WHEN t.${value} > m.progress OR (t.${value} = m.progress AND t.last_entry_id < m.reached) THEN 1 ELSE 0 END) AS ahead
      FROM leaderboard_totals t ${tagJoin(f, 't.customer_pk')} LEFT JOIN mine m ON 1 = 1
     WHERE ${ranked}`);
  const mineParams = [accountId, campaign, ALL_TIME, accountId, f.customerId, ...(f.customerTag === undefined ? [] : [f.customerTag])];
  return {
    top: { statement: top, params: [...rankedParams, f.limit] },
    count: { statement: count, params: [...mineParams, ...rankedParams] },
  };
}
