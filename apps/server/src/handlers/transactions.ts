import type { OperationHandler as H } from '../context.js';
import * as transactions from '../use-cases/transactions/index.js';

export const listTransactions: H<'listTransactions'> = ({ query, context }) => transactions.listTransactions(context, query);

export const listCustomerViewTransactions: H<'listCustomerViewTransactions'> = ({ query, context }) =>
  transactions.listCustomerViewTransactions(context, query);

export const countTransactions: H<'countTransactions'> = ({ query, context }) => transactions.countTransactions(context, query);

export const createManualTransaction: H<'createManualTransaction'> = ({ body, context }) => transactions.createManualTransaction(context, body);

export const rewardCashback: H<'rewardCashback'> = ({ body, context }) => transactions.rewardCashback(context, body);

export const redeemPoints: H<'redeemPoints'> = ({ body, context }) => transactions.redeemPoints(context, body);

export const refundTransaction: H<'refundTransaction'> = ({ body, context }) => transactions.refundTransaction(context, body);

export const holdPoints: H<'holdPoints'> = ({ body, context }) => transactions.holdPoints(context, body);

export const getHold: H<'getHold'> = ({ params, context }) => transactions.getHold(context, params.holdReferenceId);

export const releaseHold: H<'releaseHold'> = ({ params, context }) => transactions.releaseHold(context, params.holdReferenceId);

export const activateTransaction: H<'activateTransaction'> = ({ params, context }) => transactions.activateTransaction(context, params.transactionId);

export const sendOtp: H<'sendOtp'> = ({ body, context }) => transactions.sendOtp(context, body);
