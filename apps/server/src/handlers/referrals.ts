import type { OperationHandler as H } from '../context.js';
import * as referrals from '../use-cases/referrals/index.js';

export const validateReferrerCode: H<'validateReferrerCode'> = ({ query, context }) =>
  referrals.validateReferrerCode(context, query.referrerCode, query.forCustomerId);

export const listCustomerReferrals: H<'listCustomerReferrals'> = ({ params, query, context }) =>
  referrals.listCustomerReferrals(context, params.customerId, query);

export const countCustomerReferrals: H<'countCustomerReferrals'> = ({ params, context }) => referrals.countCustomerReferrals(context, params.customerId);
