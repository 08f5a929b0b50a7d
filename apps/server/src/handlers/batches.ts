import type { OperationHandler as H } from '../context.js';

// TODO(issue 13): replace with the use case.
export const createCustomersBatch: H<'createCustomersBatch'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const createOrdersBatch: H<'createOrdersBatch'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const createOrderTransactionsBatch: H<'createOrderTransactionsBatch'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const createBalanceInquiryBatch: H<'createBalanceInquiryBatch'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const createBalanceAdjustmentBatch: H<'createBalanceAdjustmentBatch'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const createCashbackBatch: H<'createCashbackBatch'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const createRedemptionBatch: H<'createRedemptionBatch'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const createEventsBatch: H<'createEventsBatch'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const createBalanceInquiryBatchAlias: H<'createBalanceInquiryBatchAlias'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const createBalanceAdjustmentBatchAlias: H<'createBalanceAdjustmentBatchAlias'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const getBatchStatus: H<'getBatchStatus'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));

// TODO(issue 13): replace with the use case.
export const stopBatch: H<'stopBatch'> = () => Promise.reject(new Error('not implemented yet (issue 13 base branch)'));
