import type { Account } from './accounts.js';
import type { Clock } from './clock.js';
import type { Store } from './store/sql.js';

/**
 * What every use case runs in: the storage, the account it acts for and the clock. Built per
 * request by the operation router and per job by the background workers; no Express in it.
 */
export interface Scope {
  store: Store;
  account: Account;
  clock: Clock;
}
