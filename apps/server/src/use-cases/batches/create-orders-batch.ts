import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import { submitBatch, type BatchSubmission } from './submit-batch.js';

/** POST /batch/orders: queues up to 1,000 orders, each tracked and rewarded as trackOrder does. */
export function createOrdersBatch(scope: BatchSubmission, body: RequestBody<'createOrdersBatch'>): Promise<ResponseBody<'createOrdersBatch'>> {
  return submitBatch(scope, 'orders', body.body);
}
