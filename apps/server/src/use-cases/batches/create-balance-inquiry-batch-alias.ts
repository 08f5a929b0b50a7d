import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import { submitBatch, type BatchSubmission } from './submit-batch.js';

/** POST /batch/balance-inquiry (older path): items `{ customerId }`, stored as the IDs createBalanceInquiryBatch takes. */
export function createBalanceInquiryBatchAlias(scope: BatchSubmission, body: RequestBody<'createBalanceInquiryBatchAlias'>): Promise<ResponseBody<'createBalanceInquiryBatchAlias'>> {
  return submitBatch(scope, 'balanceInquiry', body.body.map((item) => item.customerId));
}
