import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import { submitBatch, type BatchSubmission } from './submit-batch.js';

/** POST /batch/cashback: queues up to 1,000 cashback rewards, each as rewardCashback gives it. */
export function createCashbackBatch(scope: BatchSubmission, body: RequestBody<'createCashbackBatch'>): Promise<ResponseBody<'createCashbackBatch'>> {
  return submitBatch(scope, 'cashback', body.body);
}
