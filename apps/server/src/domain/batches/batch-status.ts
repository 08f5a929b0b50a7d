import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { BatchItemRow, BatchJobRow } from '../../store/schema.js';
import { MAX_SERIAL_ID } from '../shared/limits.js';
import { BATCH_KINDS, isBatchKind } from './batch-kinds.js';
import type { ItemCounts } from './batch-store.js';

type Schemas = components['schemas'];
type JobStatus = Schemas['BatchJobStatus'];

/** A batchId of the path as the job's id: decimal digits naming a possible row, else 404 (4004). */
export function batchIdOf(batchId: string): number {
  const id = /^[0-9]{1,10}$/.test(batchId) ? Number(batchId) : 0;
  if (id < 1 || id > MAX_SERIAL_ID) throw errors.batchNotFound(batchId);
  return id;
}

/**
 * Where a job is, derived from its items (so no item's transaction has to touch a shared row
 * to finish the job): stopped once stopped; queued until its first item was taken; running while
 * items are pending; then completed when at least one succeeded, else failed.
 */
export function jobState(job: BatchJobRow, counts: ItemCounts): { status: JobStatus; finishedAt: string | null } {
  if (job.stopped_at !== null) return { status: 'stopped', finishedAt: job.stopped_at };
  if ((counts.pending?.n ?? 0) > 0) return { status: job.started_at === null ? 'queued' : 'running', finishedAt: null };
  const succeeded = counts.succeeded?.n ?? 0;
  const lasts = [counts.succeeded?.last, counts.failed?.last].filter((t): t is string => typeof t === 'string').sort();
  return { status: succeeded > 0 ? 'completed' : 'failed', finishedAt: lasts.at(-1) ?? null };
}

function succeeded(row: BatchItemRow): Schemas['BatchItemSucceeded'] {
  return {
    index: Number(row.item_index),
    ...(row.customer_id === null ? {} : { customerId: row.customer_id }),
    ...(row.order_id === null ? {} : { orderId: row.order_id }),
    message: row.message ?? '',
    ...(JSON.parse(row.result ?? '{}') as object),
  };
}

function failed(row: BatchItemRow): Schemas['BatchItemFailed'] {
  return {
    index: Number(row.item_index),
    customerId: row.customer_id ?? '',
    ...(row.order_id === null ? {} : { orderId: row.order_id }),
    code: Number(row.code),
    message: row.message ?? '',
  };
}

/** GET /batches/{batchId}/status: the job, its counts and every done item in one of two lists. */
export function batchStatusView(job: BatchJobRow, counts: ItemCounts, done: readonly BatchItemRow[]): Schemas['BatchStatus'] {
  if (!isBatchKind(job.kind)) throw new Error(`batch ${job.id} has an unknown kind '${job.kind}'`);
  const finishedCount = counts.succeeded?.n ?? 0;
  const errorCount = counts.failed?.n ?? 0;
  const { status, finishedAt } = jobState(job, counts);
  return {
    jobId: Number(job.id),
    operation: BATCH_KINDS[job.kind].operation,
    status,
    itemCount: Number(job.item_count),
    totalCount: finishedCount + errorCount,
    finishedCount,
    errorCount,
    createdAt: job.created_at,
    startedAt: job.started_at,
    finishedAt,
    response:
      done.length === 0
        ? null
        : { successful: done.filter((row) => row.state === 'succeeded').map(succeeded), failed: done.filter((row) => row.state === 'failed').map(failed) },
  };
}
