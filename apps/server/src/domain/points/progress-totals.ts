import type { LedgerRow } from '../../store/schema.js';
import { later, sql, type Queryable } from '../../store/sql.js';
import { entryTypesWhere, ruleOf, type EntryType } from './entry-types.js';

/**
 * Running totals of what each customer earned, per UTC hour, day and month and for all time,
 * so the leaderboard sums a few rows per customer instead of a whole ledger. The ledger writes
 * them in the same transaction as each entry, so they cannot drift from it; migration 0010
 * built them for the entries written before.
 *
 * A row holds the signed points and score of the entries that move lifetime earned points
 * (earnings add, Cancel takes back) and the last of those entries (the leaderboard's "who got
 * there first"). `campaign_id` 0 counts every such entry; a campaign's own rows count only the
 * rewards of that campaign (the rewardCampaignId filter).
 */
export type TotalsLevel = 'hour' | 'day' | 'month' | 'all';

/** The finer levels, coarsest first; `all` has one bucket starting at ALL_TIME. */
export const PERIOD_LEVELS = ['month', 'day', 'hour'] as const;
export type PeriodLevel = (typeof PERIOD_LEVELS)[number];

/** `starts_at` of the all-time bucket: the earliest instant, as stored times sort as text. */
export const ALL_TIME = '0000-01-01T00:00:00.000Z';

/** The rows that count every entry, whatever campaign it rewards. */
export const EVERY_CAMPAIGN = 0;

/** Whether an entry of this type counts as earned progress, and with which sign. */
export function progressSign(type: EntryType): 1 | 0 | -1 {
  return ruleOf(type).earned;
}

/** The entry types the totals count, for reading the ledger itself between bucket edges. */
export const PROGRESS_TYPES = entryTypesWhere((rule) => rule.earned !== 0);

/** Where the bucket of `level` that holds `instant` (an ISO 8601 UTC instant) starts. */
export function bucketStart(level: TotalsLevel, instant: string): string {
  switch (level) {
    case 'hour':
      return `${instant.slice(0, 13)}:00:00.000Z`;
    case 'day':
      return `${instant.slice(0, 10)}T00:00:00.000Z`;
    case 'month':
      return `${instant.slice(0, 7)}-01T00:00:00.000Z`;
    case 'all':
      return ALL_TIME;
  }
}

const LEVELS: readonly TotalsLevel[] = ['hour', 'day', 'month', 'all'];

/** One upsert of every level's bucket of one entry, for `campaigns` keys (1 or 2). */
function upsert(campaigns: number) {
  const rows = Array.from({ length: campaigns * LEVELS.length }, () => '(?, ?, ?, ?, ?, ?, ?, ?)');
  return sql(
    `INSERT INTO leaderboard_totals (account_id, campaign_id, level, starts_at, customer_pk, points, score, last_entry_id)
     VALUES ${rows.join(', ')}
     ON CONFLICT (account_id, campaign_id, level, starts_at, customer_pk) DO UPDATE SET
       points = leaderboard_totals.points + excluded.points,
       score = leaderboard_totals.score + excluded.score,
       last_entry_id = CASE WHEN excluded.last_entry_id > leaderboard_totals.last_entry_id
                            THEN excluded.last_entry_id ELSE leaderboard_totals.last_entry_id END`,
  );
}
const UPSERT_EVERY = upsert(1);
const UPSERT_WITH_CAMPAIGN = upsert(2);

/** Adds a just-written entry to its customer's totals (nothing for entries that earn nothing). */
export async function addToTotals(q: Queryable, row: LedgerRow): Promise<void> {
  const sign = progressSign(row.type as EntryType);
  if (sign === 0) return;
  const campaigns = row.achieved_reward_campaign_id === null ? [EVERY_CAMPAIGN] : [EVERY_CAMPAIGN, row.achieved_reward_campaign_id];
  const params = campaigns.flatMap((campaign) =>
    LEVELS.flatMap((level) => [
      row.account_id, campaign, level, bucketStart(level, row.created_at), row.customer_pk, sign * row.points, sign * row.score, row.id,
    ]),
  );
  await later(q, campaigns.length === 1 ? UPSERT_EVERY : UPSERT_WITH_CAMPAIGN, params);
}
