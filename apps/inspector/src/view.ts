import type { Api } from './api.js';

/** Where the page is: `#/customers/cust_1?q=x` is path ['customers', 'cust_1'] and query q=x. */
export interface Route {
  path: string[];
  query: URLSearchParams;
}

export interface ViewContext {
  api: Api;
  route: Route;
  /** Goes to another place of the page (a hash such as `#/customers`). */
  go(hash: string): void;
  /** Loads the view's data again now (after an action), instead of at the next poll. */
  refresh(): void;
}

/**
 * One view of the page. Its controls (forms) are drawn once per route; its data is loaded again
 * at every poll and redrawn only when it changed, so a new ledger entry or delivery shows up
 * without a reload and a half-typed form is never wiped.
 */
export interface View<T> {
  title: string;
  controls?(context: ViewContext): Node | null;
  load(context: ViewContext): Promise<T>;
  render(data: T, context: ViewContext): Node;
}

export function routeOf(hash: string): Route {
  const [pathText = '', queryText = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  return { path: pathText.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(queryText) };
}
