import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import { submitBatch, type BatchSubmission } from './submit-batch.js';

/** POST /batch/orders/transactions: queues up to 1,000 orderIds whose entries to read, as listOrderTransactions does. */
export function createOrderTransactionsBatch(scope: BatchSubmission, body: RequestBody<'createOrderTransactionsBatch'>): Promise<ResponseBody<'createOrderTransactionsBatch'>> {
  return submitBatch(scope, 'orderTransactions', body.body);
}
