import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import { submitBatch, type BatchSubmission } from './submit-batch.js';

/** POST /batch/balance-adjustment (older path): `amount` is the signed points, stored in the item shape of createBalanceAdjustmentBatch. */
export function createBalanceAdjustmentBatchAlias(scope: BatchSubmission, body: RequestBody<'createBalanceAdjustmentBatchAlias'>): Promise<ResponseBody<'createBalanceAdjustmentBatchAlias'>> {
  return submitBatch(scope, 'balanceAdjustment', body.body.map(({ customerId, amount, reason }) => ({ customerId, points: amount, ...(reason === undefined ? {} : { reason }) })));
}
