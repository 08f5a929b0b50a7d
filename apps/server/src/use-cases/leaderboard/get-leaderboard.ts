import type { components, QueryParams } from '@gameball-open/server-types';
import { windowBound } from '../../domain/leaderboard/leaderboard-window.js';
import { displayName, rankCustomers } from '../../domain/leaderboard/rank-customers.js';
import type { RankingFilters } from '../../domain/leaderboard/ranking-query.js';
import { windowPieces } from '../../domain/leaderboard/window-pieces.js';
import { textIn } from '../../domain/program/local-text.js';
import { tierOf } from '../../domain/tiers/tier-ladder.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';

/** GET /leaderboard: customers by progress in the window, with the asked customer's rank. */
export async function getLeaderboard({ store, account }: Scope, query: QueryParams<'getLeaderboard'>): Promise<components['schemas']['Leaderboard']> {
  const { program } = account;
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
  if (campaigns !== null && campaigns.length === 0) return { leaderboard: [], customersCount: 0 };
  const filters: RankingFilters = { byScore: program.tiers.method === 'score', campaigns, customerTag: query.customerTag, limit, customerId };
  const ranked = await rankCustomers(store, account.id, windowPieces(from, to), filters);
  const leaderboard = ranked.rows.map((row) => {
    const tier = tierOf(program.tiers, row.tier_order);
    // No tier, or a tier without an icon: the fields are left out, never null.
    const tierName = tier ? textIn(tier.name, query.lang, program.defaultLanguage) : undefined;
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
