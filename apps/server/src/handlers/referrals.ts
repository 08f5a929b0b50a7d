import type { OperationHandler as H } from '../context.js';
import { countReferredFriends, listReferredFriends, validateReferrerCode as validate } from '../domain/referrals/referral-reads.js';

export const validateReferrerCode: H<'validateReferrerCode'> = ({ query, context }) => validate(context, query.referrerCode, query.forCustomerId);

export const listCustomerReferrals: H<'listCustomerReferrals'> = ({ params, query, context }) => listReferredFriends(context, params.customerId, query);

export const countCustomerReferrals: H<'countCustomerReferrals'> = ({ params, context }) => countReferredFriends(context, params.customerId);
