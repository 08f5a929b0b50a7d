import type { OperationHandler as H } from '../context.js';
import { rewardCashback as cashback } from '../domain/cashback/reward-cashback.js';
import { getHold as readHold, holdPoints as hold, releaseHold as release } from '../domain/redemption/holds.js';
import { sendOtp as otp } from '../domain/redemption/otp.js';
import { redeemPoints as redeem } from '../domain/redemption/redeem-points.js';
import { refundTransaction as refund } from '../domain/refunds/refund-transaction.js';
import { activateTransaction as activate } from '../domain/transactions/activate-transaction.js';
import { countTransactions as count, listCustomerViewTransactions as customerView, listTransactions as list } from '../domain/transactions/list-transactions.js';
import { createManualTransaction as manual } from '../domain/transactions/manual-transaction.js';

export const listTransactions: H<'listTransactions'> = ({ query, context }) => list(context, query);

export const listCustomerViewTransactions: H<'listCustomerViewTransactions'> = ({ query, context }) => customerView(context, query);

export const countTransactions: H<'countTransactions'> = ({ query, context }) => count(context, query);

export const createManualTransaction: H<'createManualTransaction'> = ({ body, context }) => manual(context, body);

export const rewardCashback: H<'rewardCashback'> = ({ body, context }) => cashback(context, body);

export const redeemPoints: H<'redeemPoints'> = ({ body, context }) => redeem(context, body);

export const refundTransaction: H<'refundTransaction'> = ({ body, context }) => refund(context, body);

export const holdPoints: H<'holdPoints'> = ({ body, context }) => hold(context, body);

export const getHold: H<'getHold'> = ({ params, context }) => readHold(context, params.holdReferenceId);

export const releaseHold: H<'releaseHold'> = ({ params, context }) => release(context, params.holdReferenceId);

export const activateTransaction: H<'activateTransaction'> = ({ params, context }) => activate(context, params.transactionId);

export const sendOtp: H<'sendOtp'> = ({ body, context }) => otp(context, body);
