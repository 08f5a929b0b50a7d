import type { ResponseBody } from '@gameball-open/server-types';
import { batchIdOf, jobState } from '../../domain/batches/batch-status.js';
import { findJob, itemCounts, markStopped, skipPending } from '../../domain/batches/batch-store.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';

/**
 * POST /batches/{batchId}/stop: the job's pending items are skipped and the job is stopped, in
 * one transaction. An item being applied holds its row, so the skip waits for it and it
 * finishes; done items keep their effect. A job that had ended (or was stopped) is left as it is.
 */
export async function stopBatch({ store, account, clock }: Scope, batchId: string): Promise<ResponseBody<'stopBatch'>> {
  const id = batchIdOf(batchId);
  const now = clock.now().toISOString();
  return store.transaction(async (tx) => {
    const job = await findJob(tx, account.id, id);
    if (!job) throw errors.batchNotFound(batchId);
    // Items first, then the job: the order in which an item's own transaction takes them.
    const skipped = job.stopped_at === null ? await skipPending(tx, id, now) : 0;
    if (skipped === 0) {
      // Read again: a stop that committed while this one waited has stopped it.
      const ended = jobState((await findJob(tx, account.id, id))!, await itemCounts(tx, id));
      const unchanged = ended.status === 'stopped' ? 'was already stopped' : `had already ${ended.status === 'completed' ? 'completed' : 'failed'}`;
      return { batchId, status: ended.status, message: `The batch ${unchanged}; nothing was changed.` };
    }
    await markStopped(tx, id, now);
    const counts = await itemCounts(tx, id);
    const done = (counts.succeeded?.n ?? 0) + (counts.failed?.n ?? 0);
    return { batchId, status: 'stopped', message: `The batch was stopped; ${done} of ${job.item_count} items were done, the rest are skipped.` };
  });
}
