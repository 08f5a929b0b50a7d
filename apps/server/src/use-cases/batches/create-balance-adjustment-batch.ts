import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import { submitBatch, type BatchSubmission } from './submit-batch.js';

/** POST /batch/balance/adjust: queues up to 1,000 adjustments, each a manual transaction (createManualTransaction). */
export function createBalanceAdjustmentBatch(scope: BatchSubmission, body: RequestBody<'createBalanceAdjustmentBatch'>): Promise<ResponseBody<'createBalanceAdjustmentBatch'>> {
  return submitBatch(scope, 'balanceAdjustment', body.body);
}
