import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { sql, type Dialect } from '../../store/sql.js';
import { textIn } from '../program/local-text.js';
import { tierOf } from '../tiers/tier-progress.js';
import { windowBound } from './leaderboard-window.js';

type Schemas = components['schemas'];

export interface LeaderboardQuery {
  from?: string;
  to?: string;
  customerId?: string;
  playerUniqueId?: string;
  rewardCampaignId?: number;
  customerTag?: string;
  rewardCampaignTag?: string;
  limit?: number;
  lang?: string;
}

interface RankedRow {
  customer_id: string;
  attributes: string;
  tier_order: number | null;
  progress: number;
  rank: number;
  total: number;
}

/** Entries that move lifetime earned points (and score): earnings add, Cancel takes back. */
const EARNING_TYPES = "('PaymentReward', 'AchievementReward', 'ManualAccumulation', 'ManualReward', 'Migration', 'Cancel')";

const HAS_TAG: Record<Dialect, string> = {
  sqlite: "EXISTS (SELECT 1 FROM json_each(c.attributes, '$.tags') t WHERE t.value = ?)",
  postgres: "(c.attributes::jsonb -> 'tags') @> jsonb_build_array(CAST(? AS text))",
};

/**
 * The statement for one combination of filters. Progress is summed per customer over the
 * window; the customer whose last counted entry came first ranks higher among equals (earlier
 * attainment); rows are the top `limit` plus the asked customer's own row.
 */
function statement(dialect: Dialect, byScore: boolean, filters: { campaigns: number | null; tag: boolean }) {
  const value = byScore ? 'e.score' : 'e.points';
  const progress = `sum(CASE WHEN e.direction = '+' THEN ${value} ELSE -${value} END)`;
  const where = [
    'e.account_id = ?', 'c.deleted_at IS NULL', 'e.created_at >= ?', 'e.created_at < ?', `e.type IN ${EARNING_TYPES}`,
    ...(filters.campaigns === null ? [] : [`e.achieved_reward_campaign_id IN (${Array(filters.campaigns).fill('?').join(', ')})`]),
    ...(filters.tag ? [HAS_TAG[dialect]] : []),
  ];
  return sql(`
    WITH p AS (
      SELECT e.customer_pk, ${progress} AS progress, max(e.id) AS reached
        FROM ledger_entries e JOIN customers c ON c.id = e.customer_pk
       WHERE ${where.join(' AND ')}
       GROUP BY e.customer_pk HAVING ${progress} > 0
    ), r AS (
      SELECT customer_pk, progress, row_number() OVER (ORDER BY progress DESC, reached ASC) AS rank, count(*) OVER () AS total FROM p
    )
    SELECT c.customer_id, c.attributes, c.tier_order, r.progress, r.rank, r.total
      FROM r JOIN customers c ON c.id = r.customer_pk
     WHERE r.rank <= ? OR c.customer_id = ?
     ORDER BY r.rank`);
}

function displayName(row: RankedRow): string {
  const a = JSON.parse(row.attributes) as Record<string, unknown>;
  const full = [a.firstName, a.lastName].filter((x) => typeof x === 'string' && x).join(' ');
  return typeof a.displayName === 'string' && a.displayName ? a.displayName : full || row.customer_id;
}

/** GET /leaderboard: customers by progress in the window, with the asked customer's rank. */
export async function getLeaderboard(scope: Scope, query: LeaderboardQuery): Promise<Schemas['Leaderboard']> {
  const { program } = scope.account;
  if (query.customerId !== undefined && query.playerUniqueId !== undefined && query.customerId !== query.playerUniqueId) {
    throw errors.invalidValue('customerId and playerUniqueId name different customers.');
  }
  const from = windowBound(query.from, 'from');
  const to = windowBound(query.to, 'to');
  if (from >= to) throw errors.invalidValue('from must come before to.');
  const customerId = query.customerId ?? query.playerUniqueId ?? null;
  let campaigns: number[] | null = null;
  if (query.rewardCampaignId !== undefined) campaigns = [query.rewardCampaignId];
  if (query.rewardCampaignTag !== undefined) {
    const tagged = program.campaigns.filter((c) => c.availability.tags.includes(query.rewardCampaignTag!)).map((c) => c.id);
    campaigns = campaigns === null ? tagged : campaigns.filter((id) => tagged.includes(id));
  }
  const limit = query.limit ?? 50;
  const empty = { leaderboard: [], customersCount: 0 };
  if (campaigns !== null && campaigns.length === 0) return empty;
  const text = statement(scope.store.dialect, program.tiers.method === 'score', {
    campaigns: campaigns?.length ?? null,
    tag: query.customerTag !== undefined,
  });
  const params = [scope.account.id, from, to, ...(campaigns ?? []), ...(query.customerTag === undefined ? [] : [query.customerTag]), limit, customerId];
  const rows = await scope.store.all<RankedRow>(text, params);
  const lang = query.lang;
  const leaderboard = rows
    .filter((row) => Number(row.rank) <= limit)
    .map((row) => {
      const tier = tierOf(program.tiers, row.tier_order);
      // No tier, or a tier without an icon: the fields are left out, never null.
      const tierName = tier ? textIn(tier.name, lang, program.defaultLanguage) : undefined;
      const tierIcon = tier?.icon ?? undefined;
      const name = displayName(row);
      return {
        displayName: name,
        customerId: row.customer_id,
        playerUniqueId: row.customer_id,
        progress: Number(row.progress),
        rank: Number(row.rank),
        tierName,
        tierIcon,
        levelName: tierName,
        levelIcon: tierIcon,
      };
    });
  const mine = customerId === null ? undefined : rows.find((row) => row.customer_id === customerId);
  return { leaderboard, customerRank: mine ? Number(mine.rank) : undefined, customersCount: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
