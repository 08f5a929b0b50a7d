import type { Account } from './accounts.js';
import type { Clock } from './clock.js';
import type { Store } from './store/store.js';

/** What every handler gets besides its validated input. */
export interface RequestContext {
  account: Account;
  store: Store;
  clock: Clock;
  requestId: string;
}
