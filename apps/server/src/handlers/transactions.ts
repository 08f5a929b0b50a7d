import type { OperationHandler as H } from '../context.js';
import { activateTransaction as activate } from '../domain/activation.js';
import { rewardCashback as cashback } from '../domain/cashback.js';
import { sendOtp as otp } from '../domain/otp.js';
import { getHold as readHold, holdPoints as hold, redeemPoints as redeem, releaseHold as release } from '../domain/redemption.js';
import { refundTransaction as refund } from '../domain/refund.js';
import {
  countTransactions as count,
  createManualTransaction as manual,
  listCustomerViewTransactions as customerView,
  listTransactions as list,
} from '../domain/transactions.js';

export const listTransactions: H<'listTransactions'> = ({ query, context: c }) => list(c.store, c.account, c.clock, query);

export const listCustomerViewTransactions: H<'listCustomerViewTransactions'> = ({ query, context: c }) =>
  customerView(c.store, c.account, c.clock, query);

export const countTransactions: H<'countTransactions'> = ({ query, context: c }) => count(c.store, c.account, c.clock, query);

export const createManualTransaction: H<'createManualTransaction'> = ({ body, context: c }) =>
  manual(c.store, c.account, c.clock, body);

export const rewardCashback: H<'rewardCashback'> = ({ body, context: c }) => cashback(c.store, c.account, c.clock, body);

export const redeemPoints: H<'redeemPoints'> = ({ body, context: c }) => redeem(c.store, c.account, c.clock, body);

export const refundTransaction: H<'refundTransaction'> = ({ body, context: c }) => refund(c.store, c.account, c.clock, body);

export const holdPoints: H<'holdPoints'> = ({ body, context: c }) => hold(c.store, c.account, c.clock, body);

export const getHold: H<'getHold'> = ({ params, context: c }) => readHold(c.store, c.account, c.clock, params.holdReferenceId);

export const releaseHold: H<'releaseHold'> = ({ params, context: c }) =>
  release(c.store, c.account, c.clock, params.holdReferenceId);

export const activateTransaction: H<'activateTransaction'> = ({ params, context: c }) =>
  activate(c.store, c.account, c.clock, params.transactionId);

export const sendOtp: H<'sendOtp'> = ({ body, context: c }) => otp(c.store, c.account, c.clock, body);
