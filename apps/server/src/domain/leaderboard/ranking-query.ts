import { sql, type Dialect, type Param, type Read } from '../../store/sql.js';
import { sqlList } from '../points/entry-types.js';
import { EVERY_CAMPAIGN, PROGRESS_TYPES } from '../points/progress-totals.js';
import type { WindowPiece } from './window-pieces.js';

export interface RankingFilters {
  /** Rank by score instead of points (the account's tiers go by score). */
  byScore: boolean;
  /** Only the rewards of these campaigns (never empty); null: everything earned. */
  campaigns: number[] | null;
  customerTag: string | undefined;
  /** The top rows to list; the asked customer's row comes too. */
  limit: number;
  customerId: string | null;
}

export interface RankedRow {
  customer_id: string;
  attributes: string;
  tier_order: number | null;
  progress: number | string;
  rank: number | string;
  total: number | string;
}

export const HAS_TAG: Record<Dialect, string> = {
  sqlite: "EXISTS (SELECT 1 FROM json_each(c.attributes, '$.tags') tag WHERE tag.value = ?)",
  postgres: "(c.attributes::jsonb -> 'tags') @> jsonb_build_array(CAST(? AS text))",
};

/**
 * Who may be ranked: live customers, carrying the tag when one is asked for. With a tag this
 * reads each customer's row `c` (the caller joins it); without one it only sets aside the
 * account's deleted customers, found through a partial index that is usually empty: far less
 * than looking up the row of every customer with progress.
 */
export function rankable(dialect: Dialect, accountId: string, f: RankingFilters, customerPk: string): { where: string; params: Param[] } {
  if (f.customerTag === undefined) {
    return { where: `${customerPk} NOT IN (SELECT id FROM customers WHERE account_id = ? AND deleted_at IS NOT NULL)`, params: [accountId] };
  }
  return { where: `c.deleted_at IS NULL AND ${HAS_TAG[dialect]}`, params: [f.customerTag] };
}

/** The join `rankable` needs for a tag, on the rows whose customer is `customerPk`. */
export const tagJoin = (f: RankingFilters, customerPk: string) => (f.customerTag === undefined ? '' : `JOIN customers c ON c.id = ${customerPk}`);

const list = (n: number) => Array(n).fill('?').join(', ');
const TYPES = sqlList(PROGRESS_TYPES);

/** The rows of one piece: whole buckets of the totals, or the ledger's own entries at an edge. */
function pieceSelect(piece: WindowPiece, accountId: string, f: RankingFilters): { text: string; params: Param[] } {
  const value = f.byScore ? 'score' : 'points';
  const campaigns = f.campaigns ?? [EVERY_CAMPAIGN];
  if (piece.source === 'ledger') {
    const byCampaign = f.campaigns === null ? '' : ` AND achieved_reward_campaign_id IN (${list(f.campaigns.length)})`;
    return {
      text: `SELECT customer_pk, CASE WHEN direction = '+' THEN ${value} ELSE -${value} END, id FROM ledger_entries
              WHERE account_id = ? AND created_at >= ? AND created_at < ? AND type IN ${TYPES}${byCampaign}`,
      params: [accountId, piece.from, piece.to, ...(f.campaigns ?? [])],
    };
  }
  return {
    text: `SELECT customer_pk, ${value}, last_entry_id FROM leaderboard_totals
            WHERE account_id = ? AND campaign_id IN (${list(campaigns.length)}) AND level = '${piece.source}'
              AND starts_at >= ? AND starts_at < ?`,
    params: [accountId, ...campaigns, piece.from, piece.to],
  };
}

/**
 * The statement that ranks the account's customers over the pieces of a window: progress summed
 * per customer; of equal progress the customer whose last counted entry came first ranks higher;
 * rows are the top `limit` plus the asked customer's own row, each with the count of everyone ranked.
 */
export function rankingQuery(dialect: Dialect, accountId: string, pieces: WindowPiece[], f: RankingFilters): Read {
  const selects = pieces.map((piece) => pieceSelect(piece, accountId, f));
  const who = rankable(dialect, accountId, f, 'p.customer_pk');
  const statement = sql(`
    WITH pieces (customer_pk, progress, reached) AS (
      ${selects.map((s) => s.text).join('\n      UNION ALL ')}
    ), p AS (
      SELECT customer_pk, sum(progress) AS progress, max(reached) AS reached FROM pieces
       GROUP BY customer_pk HAVING sum(progress) > 0
    ), r AS (
      SELECT p.customer_pk, p.progress, row_number() OVER (ORDER BY p.progress DESC, p.reached ASC) AS rank, count(*) OVER () AS total
        FROM p ${tagJoin(f, 'p.customer_pk')}
       WHERE ${who.where}
    )
    SELECT c.customer_id, c.attributes, c.tier_order, r.progress, r.rank, r.total
      FROM r JOIN customers c ON c.id = r.customer_pk
     WHERE r.rank <= ? OR r.customer_pk = (SELECT id FROM customers WHERE account_id = ? AND customer_id = ? AND deleted_at IS NULL)
     ORDER BY r.rank`);
  const params = [
    ...selects.flatMap((s) => s.params),
    ...who.params,
    f.limit,
    accountId,
    f.customerId,
  ];
  return { statement, params };
}
