import type { Handler, OperationId } from '@gameball-open/server-types';
import type { Account } from './accounts.js';
import type { AdjustableClock } from './clock.js';
import type { Store } from './store/store.js';

/** What every handler gets besides its validated input. */
export interface RequestContext {
  account: Account;
  store: Store;
  clock: AdjustableClock;
  /** Whether the reference server's own tools (test clock, OTP inbox) are on. */
  referenceTools: boolean;
  requestId: string;
}

/** The handler of one operation of the spec, by its operationId. */
export type OperationHandler<K extends OperationId> = Handler<K, RequestContext>;
