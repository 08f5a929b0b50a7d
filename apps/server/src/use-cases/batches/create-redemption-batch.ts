import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import { submitBatch, type BatchSubmission } from './submit-batch.js';

/** POST /batch/redeem: queues up to 1,000 redemptions, each as redeemPoints spends. */
export function createRedemptionBatch(scope: BatchSubmission, body: RequestBody<'createRedemptionBatch'>): Promise<ResponseBody<'createRedemptionBatch'>> {
  return submitBatch(scope, 'redeem', body.body);
}
