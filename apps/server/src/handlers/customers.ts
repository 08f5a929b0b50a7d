import type { OperationHandler as H } from '../context.js';
import { customerBalance } from '../domain/balance.js';
import {
  deleteCustomer as softDelete,
  requireCustomer,
  toCustomerDetails,
  toPublicCustomer,
  upsertCustomer,
} from '../domain/customers.js';

export const createCustomer: H<'createCustomer'> = ({ body, context }) =>
  upsertCustomer(context.store, context.account, context.clock, body);

export const getCustomer: H<'getCustomer'> = async ({ params, context }) => {
  const row = await requireCustomer(context.store.db, context.store, context.account.id, params.customerId);
  return toPublicCustomer(context.account, row);
};

export const getCustomerDetails: H<'getCustomerDetails'> = async ({
  params,
  context,
}) => {
  const row = await requireCustomer(context.store.db, context.store, context.account.id, params.customerId);
  return toCustomerDetails(context.account, row);
};

export const listCustomerCoupons: H<'listCustomerCoupons'> = async ({
  params,
  context,
}) => {
  await requireCustomer(context.store.db, context.store, context.account.id, params.customerId);
  // No operation issues coupons yet, so every customer's list is empty.
  return { coupons: [] };
};

export const deleteCustomer: H<'deleteCustomer'> = ({ params, context }) =>
  softDelete(context.store, context.account, context.clock, params.customerId);

export const deleteCustomerByPost: H<'deleteCustomerByPost'> = ({
  params,
  context,
}) => softDelete(context.store, context.account, context.clock, params.customerId);

export const getCustomerHash: H<'getCustomerHash'> = async ({
  params,
  context,
}) => {
  const row = await requireCustomer(context.store.db, context.store, context.account.id, params.customerId);
  return { hash: row.hash };
};

export const getCustomerBalance: H<'getCustomerBalance'> = ({ params, context: c }) =>
  customerBalance(c.store, c.account, c.clock, params.customerId);
