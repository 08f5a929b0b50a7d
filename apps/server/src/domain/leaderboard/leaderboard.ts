import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { textIn } from '../program/local-text.js';
import { tierOf } from '../tiers/tier-progress.js';
import { windowBound } from './leaderboard-window.js';
import { rankingQuery, type RankedRow } from './ranking-query.js';
import { windowPieces } from './window-pieces.js';

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
  const empty = { leaderboard: [], customerRank: null, customersCount: 0 };
  if (campaigns !== null && campaigns.length === 0) return empty;
  const { statement, params } = rankingQuery(scope.store.dialect, scope.account.id, windowPieces(from, to), {
    byScore: program.tiers.method === 'score',
    campaigns,
    customerTag: query.customerTag,
    limit,
    customerId,
  });
  const rows = await scope.store.all<RankedRow>(statement, params);
  const lang = query.lang;
  const leaderboard = rows
    .filter((row) => Number(row.rank) <= limit)
    .map((row) => {
      const tier = tierOf(program.tiers, row.tier_order);
      const tierName = tier ? textIn(tier.name, lang, program.defaultLanguage) : null;
      const tierIcon = tier?.icon ?? null;
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
  return { leaderboard, customerRank: mine ? Number(mine.rank) : null, customersCount: rows.length > 0 ? Number(rows[0]!.total) : 0 };
}
