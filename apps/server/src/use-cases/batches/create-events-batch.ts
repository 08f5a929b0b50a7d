import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import { submitBatch, type BatchSubmission } from './submit-batch.js';

/** POST /batch/events: queues up to 1,000 customers' events, each tracked as trackEvents does. */
export function createEventsBatch(scope: BatchSubmission, body: RequestBody<'createEventsBatch'>): Promise<ResponseBody<'createEventsBatch'>> {
  return submitBatch(scope, 'events', body.body);
}
