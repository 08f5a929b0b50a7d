import { hostname } from 'node:os';
import { countPendingItems, hasPendingItems } from '../domain/batches/batch-store.js';
import { applyNextBatchItem } from '../use-cases/batches/apply-next-batch-item.js';
import type { Job, JobScope } from './job.js';

/**
 * How many items one process applies at a time. On SQLite the lanes' transactions share one
 * commit (the store's group commit), which is what makes a 1,000-item batch take well under a
 * second; on PostgreSQL each lane holds a pooled connection, so a few leave room for requests.
 */
const LANES = { sqlite: 32, postgres: 4 } as const;

/** One run stops taking items after this long, so the jobs behind it (wallets first) are not held up; the next run goes on. */
const RUN_BUDGET_MS = 200;

/**
 * Applies pending batch items (POST /batch/...), each in its own transaction through the use
 * case of its single operation (use-cases/batches/apply-next-batch-item.ts). Several processes
 * on one PostgreSQL database drain the same queue: an item taken by one is skipped by the
 * others. Items left pending by a process that stopped or crashed are taken by the next run, so
 * a batch resumes when the server starts again. Answers how many items it applied.
 */
export const applyBatchItems: Job = {
  name: 'apply-batch-items',
  intervalMs: 100,
  async runDue(scope: JobScope): Promise<number> {
    // Nothing pending, the usual case: one read instead of a transaction per lane (on SQLite 32
    // every 100 ms, each waiting its turn on the connection with the requests' reads).
    if (!(await hasPendingItems(scope.store, scope.accounts.all().map((account) => account.id)))) return 0;
    const deadline = Date.now() + RUN_BUDGET_MS;
    const worker = { ...scope, worker: `${hostname()}:${process.pid}` };
    let applied = 0;
    const lane = async () => {
      while (Date.now() < deadline) {
        const done = await applyNextBatchItem(worker);
        if (!done) return;
        applied++;
        if (done.unexpected !== undefined) {
          scope.logger.error({ err: done.unexpected, batchId: done.item.job_id, index: done.item.item_index }, 'a batch item failed on a server error; recorded as 5000');
        }
      }
    };
    // Every lane ends before the run does, even when one failed (its item stays pending).
    const lanes = await Promise.allSettled(Array.from({ length: LANES[scope.store.dialect] }, lane));
    const failed = lanes.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return applied;
  },
  backlog: (scope) => countPendingItems(scope.store, scope.accounts.all().map((account) => account.id)),
};
