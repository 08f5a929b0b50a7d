import type { ResponseBody } from '@gameball-open/server-types';
import { batchIdOf, batchStatusView } from '../../domain/batches/batch-status.js';
import { doneItems, findJob, itemCounts } from '../../domain/batches/batch-store.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';

/**
 * GET /batches/{batchId}/status: the job, its counts and each done item's answer or error, read
 * in one consistent view. Another account's batch is not found (404, 4004).
 */
export async function getBatchStatus({ store, account }: Scope, batchId: string): Promise<ResponseBody<'getBatchStatus'>> {
  const id = batchIdOf(batchId);
  return store.snapshot(async (q) => {
    const job = await findJob(q, account.id, id);
    if (!job) throw errors.batchNotFound(batchId);
    return batchStatusView(job, await itemCounts(q, id), await doneItems(q, id));
  });
}
