import type { Migration } from '../migrator.js';
import type { Queryable } from '../sql.js';
import { bigint } from './types.js';

/** The entry types that move lifetime earned points (Cancel takes back), as this release has them. */
const PROGRESS_TYPES = "('PaymentReward', 'AchievementReward', 'ManualAccumulation', 'ManualReward', 'Migration', 'Cancel')";

/** Where each level's bucket of `created_at` starts (stored times are ISO 8601 UTC text). */
const STARTS: Record<string, string> = {
  hour: "substr(created_at, 1, 13) || ':00:00.000Z'",
  day: "substr(created_at, 1, 10) || 'T00:00:00.000Z'",
  month: "substr(created_at, 1, 7) || '-01T00:00:00.000Z'",
  all: "'0000-01-01T00:00:00.000Z'",
};

/**
 * The leaderboard's running totals (domain/points/progress-totals.ts): per customer, the points
 * and score earned in each UTC hour, day and month and for all time, in total (campaign_id 0)
 * and per reward campaign, with the last entry counted. The leaderboard then sums a few rows
 * per customer instead of the account's whole ledger on every request. Partial indexes on the
 * all-time rows give the top of the board in order; an index of the ledger by time serves the
 * minutes at a window's edges that no whole bucket covers; a partial index of deleted customers
 * lets the board set them aside without reading every customer. Existing ledgers are summed here.
 */
export const leaderboardTotals: Migration = {
  name: '0010_leaderboard_totals',
  async up(q) {
    const big = bigint(q.dialect);
    await q.exec(`
      CREATE TABLE leaderboard_totals (
        account_id text NOT NULL,
        campaign_id integer NOT NULL,
        level text NOT NULL,
        starts_at text NOT NULL,
        customer_pk integer NOT NULL REFERENCES customers (id),
        points ${big} NOT NULL,
        score ${big} NOT NULL,
        last_entry_id integer NOT NULL,
        PRIMARY KEY (account_id, campaign_id, level, starts_at, customer_pk)
      )${q.dialect === 'sqlite' ? ' WITHOUT ROWID' : ''};
      CREATE INDEX leaderboard_totals_by_points ON leaderboard_totals (account_id, campaign_id, points DESC, last_entry_id)
        WHERE level = 'all';
      CREATE INDEX leaderboard_totals_by_score ON leaderboard_totals (account_id, campaign_id, score DESC, last_entry_id)
        WHERE level = 'all';
      CREATE INDEX ledger_entries_created ON ledger_entries (account_id, created_at);
      CREATE INDEX customers_deleted ON customers (account_id, id) WHERE deleted_at IS NOT NULL;
    `);
    await buildLeaderboardTotals(q);
    // PostgreSQL plans the first reads with figures of the filled table, not of an empty one.
    if (q.dialect === 'postgres') await q.exec('ANALYZE leaderboard_totals');
  },
};

/** Sums the existing ledger into the totals table (empty before). */
export async function buildLeaderboardTotals(q: Queryable): Promise<void> {
  for (const [level, start] of Object.entries(STARTS)) {
    for (const campaign of ['0', 'achieved_reward_campaign_id']) {
      // Constants stay out of GROUP BY (PostgreSQL reads a number there as a column position).
      const groups = ['account_id', campaign, start, 'customer_pk'].filter((expression) => !/^'|^0$/.test(expression));
      await q.exec(`
        INSERT INTO leaderboard_totals (account_id, campaign_id, level, starts_at, customer_pk, points, score, last_entry_id)
        SELECT account_id, ${campaign}, '${level}', ${start}, customer_pk,
               sum(CASE WHEN direction = '+' THEN points ELSE -points END),
               sum(CASE WHEN direction = '+' THEN score ELSE -score END), max(id)
          FROM ledger_entries
         WHERE type IN ${PROGRESS_TYPES}${campaign === '0' ? '' : ' AND achieved_reward_campaign_id IS NOT NULL'}
         GROUP BY ${groups.join(', ')}`);
    }
  }
}
