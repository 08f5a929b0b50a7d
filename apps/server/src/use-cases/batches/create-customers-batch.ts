import type { RequestBody, ResponseBody } from '@gameball-open/server-types';
import { submitBatch, type BatchSubmission } from './submit-batch.js';

/** POST /batch/customers: queues up to 1,000 profiles, each created or updated as createCustomer does. */
export function createCustomersBatch(scope: BatchSubmission, body: RequestBody<'createCustomersBatch'>): Promise<ResponseBody<'createCustomersBatch'>> {
  return submitBatch(scope, 'customers', body.body);
}
