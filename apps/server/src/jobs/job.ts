import type { Logger } from 'pino';
import type { AccountDirectory } from '../accounts.js';
import type { Clock } from '../clock.js';
import type { Store } from '../store/sql.js';

/** What a job runs in: the storage, every account this process serves, the clock and the log. */
export interface JobScope {
  store: Store;
  accounts: AccountDirectory;
  clock: Clock;
  logger: Logger;
}

/**
 * Background work that no request asks for. The runner (runner.ts) calls `runDue` every
 * `intervalMs`, and the test clock after each move; it writes everything due by `now` and
 * answers how many items it handled. Each item is written in its customer's unit of work, under
 * the customer's lock, and found no longer due when another process got there first: several
 * server processes may run the same job on one PostgreSQL database.
 */
export interface Job {
  /** Names the job in the log and in what `runOnce` answers (kebab-case, like its file). */
  name: string;
  intervalMs: number;
  /** `lastRun` is the `now` of this runner's previous complete run of the job (null before the first). */
  runDue(scope: JobScope, now: Date, lastRun: Date | null): Promise<number>;
  /** Runs once as the process starts, before it takes requests (the runner's `prepare`). */
  prepare?(scope: JobScope): Promise<void>;
  /** How many items wait for this job now (for /metrics); jobs whose work is not a queue leave it out. */
  backlog?(scope: JobScope): Promise<number>;
}

/** How often the jobs that keep points on time look for due work (pending points activating, points and holds expiring). */
export const DUE_WORK_INTERVAL_MS = 500;
