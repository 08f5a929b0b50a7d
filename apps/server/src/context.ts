import type { Handler, OperationId } from '@gameball-open/server-types';
import type { AdjustableClock } from './clock.js';
import type { FaultBoard } from './faults.js';
import type { JobRunner } from './jobs/runner.js';
import type { Scope } from './scope.js';

/** What every handler gets besides its validated input: the request's scope and a few server tools. */
export interface RequestContext extends Scope {
  clock: AdjustableClock;
  /** Whether the reference server's own tools (test clock, OTP inbox) are on. */
  referenceTools: boolean;
  requestId: string;
  /** The background jobs, so the test clock can run what its move made due before it answers. */
  jobs: JobRunner;
  /** Every account's fault injection (setFaultInjection), in this process. */
  faults: FaultBoard;
  /** The `lang` request header, for operations that answer texts in a language. */
  lang?: string | undefined;
}

/** The handler of one operation of the spec, by its operationId. */
export type OperationHandler<K extends OperationId> = Handler<K, RequestContext>;
