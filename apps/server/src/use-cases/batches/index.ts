/** The use cases of the spec tag "Batches", one file per operation, named after its operationId. */
export { createBalanceAdjustmentBatch } from './create-balance-adjustment-batch.js';
export { createBalanceAdjustmentBatchAlias } from './create-balance-adjustment-batch-alias.js';
export { createBalanceInquiryBatch } from './create-balance-inquiry-batch.js';
export { createBalanceInquiryBatchAlias } from './create-balance-inquiry-batch-alias.js';
export { createCashbackBatch } from './create-cashback-batch.js';
export { createCustomersBatch } from './create-customers-batch.js';
export { createEventsBatch } from './create-events-batch.js';
export { createOrderTransactionsBatch } from './create-order-transactions-batch.js';
export { createOrdersBatch } from './create-orders-batch.js';
export { createRedemptionBatch } from './create-redemption-batch.js';
export { getBatchStatus } from './get-batch-status.js';
export { stopBatch } from './stop-batch.js';
