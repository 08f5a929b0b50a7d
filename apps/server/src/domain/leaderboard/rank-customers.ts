import type { Store } from '../../store/sql.js';
import { allTimeReads, type CountRow, type TopRow } from './all-time-query.js';
import { rankingQuery, type RankedRow, type RankingFilters } from './ranking-query.js';
import type { WindowPiece } from './window-pieces.js';

export interface Ranking {
  rows: Array<TopRow & { rank: number }>;
  customerRank: number | null;
  customersCount: number;
}

/** The name a leaderboard shows: displayName, else first and last name, else the customerId. */
export function displayName(row: TopRow): string {
  const a = JSON.parse(row.attributes) as Record<string, unknown>;
  const full = [a.firstName, a.lastName].filter((x) => typeof x === 'string' && x).join(' ');
  return typeof a.displayName === 'string' && a.displayName ? a.displayName : full || row.customer_id;
}

/**
 * Ranks the account's customers over the pieces of the window. The all-time board of one
 * campaign key reads its top rows straight from an index; any other sums the window's pieces per
 * customer. Either runs where it cannot hold the event loop (Store.readOffLoop).
 */
export async function rankCustomers(store: Store, accountId: string, pieces: WindowPiece[], filters: RankingFilters): Promise<Ranking> {
  if (pieces.length === 1 && pieces[0]!.source === 'all' && (filters.campaigns?.length ?? 1) === 1) {
    const { top, count } = allTimeReads(store.dialect, accountId, filters);
    const [rows, [counted]] = (await store.readOffLoop([top, count])) as [TopRow[], CountRow[]];
    return {
      rows: rows.map((row, i) => ({ ...row, rank: i + 1 })),
      customerRank: Number(counted!.found) > 0 ? Number(counted!.ahead) + 1 : null,
      customersCount: Number(counted!.total),
    };
  }
  const [rows] = (await store.readOffLoop([rankingQuery(store.dialect, accountId, pieces, filters)])) as [RankedRow[]];
  const mine = filters.customerId === null ? undefined : rows.find((row) => row.customer_id === filters.customerId);
  return {
    rows: rows.filter((row) => Number(row.rank) <= filters.limit).map((row) => ({ ...row, rank: Number(row.rank) })),
    customerRank: mine ? Number(mine.rank) : null,
    customersCount: rows.length > 0 ? Number(rows[0]!.total) : 0,
  };
}
