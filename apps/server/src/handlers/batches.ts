import type { OperationHandler as H } from '../context.js';
import * as batches from '../use-cases/batches/index.js';

export const createCustomersBatch: H<'createCustomersBatch'> = ({ body, context }) => batches.createCustomersBatch(context, body);

export const createOrdersBatch: H<'createOrdersBatch'> = ({ body, context }) => batches.createOrdersBatch(context, body);

export const createOrderTransactionsBatch: H<'createOrderTransactionsBatch'> = ({ body, context }) => batches.createOrderTransactionsBatch(context, body);

export const createBalanceInquiryBatch: H<'createBalanceInquiryBatch'> = ({ body, context }) => batches.createBalanceInquiryBatch(context, body);

export const createBalanceAdjustmentBatch: H<'createBalanceAdjustmentBatch'> = ({ body, context }) => batches.createBalanceAdjustmentBatch(context, body);

export const createCashbackBatch: H<'createCashbackBatch'> = ({ body, context }) => batches.createCashbackBatch(context, body);

export const createRedemptionBatch: H<'createRedemptionBatch'> = ({ body, context }) => batches.createRedemptionBatch(context, body);

export const createEventsBatch: H<'createEventsBatch'> = ({ body, context }) => batches.createEventsBatch(context, body);

export const createBalanceInquiryBatchAlias: H<'createBalanceInquiryBatchAlias'> = ({ body, context }) =>
  batches.createBalanceInquiryBatchAlias(context, body);

export const createBalanceAdjustmentBatchAlias: H<'createBalanceAdjustmentBatchAlias'> = ({ body, context }) =>
  batches.createBalanceAdjustmentBatchAlias(context, body);

export const getBatchStatus: H<'getBatchStatus'> = ({ params, context }) => batches.getBatchStatus(context, params.batchId);

export const stopBatch: H<'stopBatch'> = ({ params, context }) => batches.stopBatch(context, params.batchId);
