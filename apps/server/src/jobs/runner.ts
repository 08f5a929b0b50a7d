import type { Job, JobScope } from './job.js';

export interface JobRunner {
  /** Lets every job get ready (its `prepare`), in the order of the list; called before the server takes requests. */
  prepare(): Promise<void>;
  /** Runs every job once, in the order of the list, after any run in progress; answers what each did, by job name. */
  runOnce(): Promise<Record<string, number>>;
  /** Runs each job every `intervalMs` in the background, until stop(). */
  start(): void;
  /** The backlog of every job that reports one, by job name (read, never written). */
  backlog(): Promise<Record<string, number>>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface RunnerOptions {
  /** Runs every job at this interval instead of its own (tests). */
  everyMs?: number;
}

/**
 * The one runner of background work, started by main.ts, by the test harness and used by the test
 * clock. One run at a time per process: jobs run one after another in the order of the list, so
 * the jobs that keep wallets on time come before the engagement jobs that may wait.
 */
export function jobRunner(jobs: readonly Job[], scope: JobScope, options: RunnerOptions = {}): JobRunner {
  const intervalOf = (job: Job) => options.everyMs ?? job.intervalMs;
  const lastRun = new Map<string, Date>();
  const nextAt = new Map<string, number>();
  let running: Promise<Record<string, number>> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  async function run(job: Job): Promise<number> {
    const now = scope.clock.now();
    nextAt.set(job.name, Date.now() + intervalOf(job));
    const done = await job.runDue(scope, now, lastRun.get(job.name) ?? null);
    lastRun.set(job.name, now);
    return done;
  }

  /** Queues a run of the chosen jobs behind the one in progress. */
  function queue(pick: (job: Job) => boolean, onError?: (job: Job, error: unknown) => void): Promise<Record<string, number>> {
    const next = (running ?? Promise.resolve({})).catch(() => ({})).then(async () => {
      const done: Record<string, number> = {};
      for (const job of jobs.filter(pick)) {
        if (!onError) done[job.name] = await run(job);
        else done[job.name] = await run(job).catch((error: unknown) => (onError(job, error), 0));
      }
      return done;
    });
    running = next;
    return next;
  }

  function schedule(): void {
    if (stopped || jobs.length === 0) return;
    const wait = Math.max(0, Math.min(...jobs.map((job) => (nextAt.get(job.name) ?? 0) - Date.now())));
    timer = setTimeout(async () => {
      await queue(
        (job) => (nextAt.get(job.name) ?? 0) <= Date.now(),
        (job, error) => scope.logger.error({ err: error, job: job.name }, 'background job failed; retrying at the next interval'),
      );
      schedule();
    }, Math.max(wait, 1));
    timer.unref();
  }

  return {
    async prepare() {
      for (const job of jobs) await job.prepare?.(scope);
    },
    runOnce: () => queue(() => true),
    async backlog() {
      const counts: Record<string, number> = {};
      for (const job of jobs) if (job.backlog) counts[job.name] = await job.backlog(scope);
      return counts;
    },
    start() {
      if (!stopped) return;
      stopped = false;
      for (const job of jobs) nextAt.set(job.name, Date.now() + intervalOf(job));
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => ({}));
    },
  };
}
