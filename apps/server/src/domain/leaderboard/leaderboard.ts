import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { textIn } from '../program/local-text.js';
import { tierOf } from '../tiers/tier-progress.js';
import { windowBound } from './leaderboard-window.js';
import { allTimeReads, type CountRow, type TopRow } from './all-time-query.js';
import { rankingQuery, type RankedRow, type RankingFilters } from './ranking-query.js';
import { windowPieces, type WindowPiece } from './window-pieces.js';

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

function displayName(row: TopRow): string {
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
  const filters: RankingFilters = { byScore: program.tiers.method === 'score', campaigns, customerTag: query.customerTag, limit, customerId };
  const ranked = await rank(scope, windowPieces(from, to), filters);
  const lang = query.lang;
  const leaderboard = ranked.rows.map((row) => {
    const tier = tierOf(program.tiers, row.tier_order);
    // No tier, or a tier without an icon: the fields are left out, never null.
    const tierName = tier ? textIn(tier.name, lang, program.defaultLanguage) : undefined;
    const tierIcon = tier?.icon ?? undefined;
    return {
      displayName: displayName(row),
      customerId: row.customer_id,
      playerUniqueId: row.customer_id,
      progress: Number(row.progress),
      rank: row.rank,
      tierName,
      tierIcon,
      levelName: tierName,
      levelIcon: tierIcon,
    };
  });
  return { leaderboard, customerRank: ranked.customerRank ?? undefined, customersCount: ranked.customersCount };
}

interface Ranking {
  rows: Array<TopRow & { rank: number }>;
  customerRank: number | null;
  customersCount: number;
}

/**
 * Ranks the customers over the pieces of the window. The all-time board of one campaign key
 * reads its top rows straight from an index; any other sums the window's pieces per customer.
 * Either runs where it cannot hold the event loop (Store.readOffLoop).
 */
async function rank(scope: Scope, pieces: WindowPiece[], filters: RankingFilters): Promise<Ranking> {
  const { store, account } = scope;
  if (pieces.length === 1 && pieces[0]!.source === 'all' && (filters.campaigns?.length ?? 1) === 1) {
    const { top, count } = allTimeReads(store.dialect, account.id, filters);
    const [rows, [counted]] = (await store.readOffLoop([top, count])) as [TopRow[], CountRow[]];
    return {
      rows: rows.map((row, i) => ({ ...row, rank: i + 1 })),
      customerRank: Number(counted!.found) > 0 ? Number(counted!.ahead) + 1 : null,
      customersCount: Number(counted!.total),
    };
  }
  const [rows] = (await store.readOffLoop([rankingQuery(store.dialect, account.id, pieces, filters)])) as [RankedRow[]];
  const mine = filters.customerId === null ? undefined : rows.find((row) => row.customer_id === filters.customerId);
  return {
    rows: rows.filter((row) => Number(row.rank) <= filters.limit).map((row) => ({ ...row, rank: Number(row.rank) })),
    customerRank: mine ? Number(mine.rank) : null,
    customersCount: rows.length > 0 ? Number(rows[0]!.total) : 0,
  };
}
