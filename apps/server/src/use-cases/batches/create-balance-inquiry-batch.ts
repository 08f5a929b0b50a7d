import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import { submitBatch, type BatchSubmission } from './submit-batch.js';

/** POST /batch/balance/inquiry: queues up to 1,000 customerIds whose balances to read, as getCustomerBalance does. */
export function createBalanceInquiryBatch(scope: BatchSubmission, body: RequestBody<'createBalanceInquiryBatch'>): Promise<ResponseBody<'createBalanceInquiryBatch'>> {
  return submitBatch(scope, 'balanceInquiry', body.body);
}
