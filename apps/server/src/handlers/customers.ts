import type { Handler } from '@gameball-open/server-types';
import type { RequestContext } from '../context.js';
import {
  deleteCustomer as softDelete,
  requireCustomer,
  toCustomerDetails,
  toPublicCustomer,
  upsertCustomer,
} from '../domain/customers.js';


export const createCustomer: Handler<'createCustomer', RequestContext> = ({ body, context }) =>
  upsertCustomer(context.store, context.account, context.clock, body);

export const getCustomer: Handler<'getCustomer', RequestContext> = async ({ params, context }) => {
  const row = await requireCustomer(context.store.db, context.store, context.account.id, params.customerId);
  return toPublicCustomer(context.account, row);
};

export const getCustomerDetails: Handler<'getCustomerDetails', RequestContext> = async ({
  params,
  context,
}) => {
  const row = await requireCustomer(context.store.db, context.store, context.account.id, params.customerId);
  return toCustomerDetails(context.account, row);
};

export const listCustomerCoupons: Handler<'listCustomerCoupons', RequestContext> = async ({
  params,
  context,
}) => {
  await requireCustomer(context.store.db, context.store, context.account.id, params.customerId);
  // No operation issues coupons yet, so every customer's list is empty.
  return { coupons: [] };
};

export const deleteCustomer: Handler<'deleteCustomer', RequestContext> = ({ params, context }) =>
  softDelete(context.store, context.account, context.clock, params.customerId);

export const deleteCustomerByPost: Handler<'deleteCustomerByPost', RequestContext> = ({
  params,
  context,
}) => softDelete(context.store, context.account, context.clock, params.customerId);

export const getCustomerHash: Handler<'getCustomerHash', RequestContext> = async ({
  params,
  context,
}) => {
  const row = await requireCustomer(context.store.db, context.store, context.account.id, params.customerId);
  return { hash: row.hash };
};
