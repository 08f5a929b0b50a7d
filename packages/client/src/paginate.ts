import type { ItemOf, ItemsKey, PaginatedPath } from './client-types.js';
import { GameballNetworkError } from './errors.js';

interface PageRule<P extends PaginatedPath> {
  /** The page's key that holds the items. */
  items: ItemsKey<P>;
  /** The ID to send as `startAfter` to get the items after this one. */
  cursor: (item: ItemOf<P>) => number;
}

/** How each list operation of the spec pages; tsc fails when the spec gains one missing here. */
const PAGINATION: { [P in PaginatedPath]: PageRule<P> } = {
  '/transactions': { items: 'transactions', cursor: (transaction) => Number(transaction.gameballTransactionId) },
  '/transactions/customer-view': { items: 'transactions', cursor: (transaction) => Number(transaction.gameballTransactionId) },
  '/customers/{customerId}/activities': { items: 'activities', cursor: (activity) => activity.activityId },
  '/customers/{customerId}/notifications': { items: 'notifications', cursor: (notification) => Number(notification.notificationId) },
  '/customers/{customerId}/referrals': { items: 'referredFriends', cursor: (friend) => friend.gameballId },
};

/** The paths `paginate` accepts, at run time. */
export const PAGINATED_PATHS = Object.keys(PAGINATION) as PaginatedPath[];

/** Fetches one page; throws GameballApiError or GameballNetworkError when it fails. */
type FetchPage = (url: string, init: PageInit) => Promise<{ data: unknown; response: Response }>;
interface PageInit {
  params?: { query?: Record<string, unknown> } & Record<string, unknown>;
  [option: string]: unknown;
}

/** Yields the items of every page of `url`, asking for the next page while `hasMore` is true. */
export async function* paginate(fetchPage: FetchPage, url: string, init: PageInit = {}): AsyncGenerator<unknown, void, undefined> {
  const rule = (PAGINATION as Record<string, PageRule<PaginatedPath>>)[url];
  if (!rule) throw new TypeError(`${url} is not a paginated operation; these are: ${PAGINATED_PATHS.join(', ')}`);
  let query = { ...init.params?.query };
  for (;;) {
    const { data, response } = await fetchPage(url, { ...init, params: { ...init.params, query } });
    const page = data as Record<string, unknown>;
    const items = page[rule.items as string] as ItemOf<PaginatedPath>[];
    yield* items;
    if (page.hasMore !== true || items.length === 0) return;
    const next = rule.cursor(items[items.length - 1]!);
    const previous = query.startAfter;
    if (!Number.isFinite(next) || (typeof previous === 'number' && next <= previous)) {
      throw new GameballNetworkError('UNEXPECTED_RESPONSE', `${url} answered hasMore but its last ID (${next}) does not move past ${String(previous)}.`, {
        response,
        requestMayHaveBeenSent: true,
      });
    }
    query = { ...query, startAfter: next };
  }
}
