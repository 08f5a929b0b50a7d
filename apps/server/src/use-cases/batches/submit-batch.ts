import type { components } from '@gameball-open/server-types';
import type { BatchKind, BatchPayloads } from '../../domain/batches/batch-kinds.js';
import { insertBatch } from '../../domain/batches/batch-store.js';
import { LIMITS } from '../../domain/shared/limits.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';

/** Who submits a batch: the account's scope and the request, recorded with the job. */
export interface BatchSubmission extends Scope {
  requestId: string;
}

/**
 * The story of every batch creation: 1 to 1,000 items (the schema refuses others first; this
 * holds without it), stored with the job in one transaction, all pending; the job's id answers
 * at once, and the apply-batch-items job applies the items in the background.
 */
export async function submitBatch<K extends BatchKind>(
  scope: BatchSubmission,
  kind: K,
  items: ReadonlyArray<BatchPayloads[K]>,
): Promise<components['schemas']['BatchJobCreated']> {
  if (items.length === 0 || items.length > LIMITS.batchItems) {
    throw errors.invalidValue(`A batch has from 1 to ${LIMITS.batchItems} items; this one has ${items.length}.`);
  }
  const now = scope.clock.now().toISOString();
  const batch = { accountId: scope.account.id, kind, requestId: scope.requestId, items, now };
  const jobId = await scope.store.transaction((tx) => insertBatch(tx, batch));
  return { jobId };
}
