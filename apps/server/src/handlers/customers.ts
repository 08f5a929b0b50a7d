import type { OperationHandler as H } from '../context.js';
import { setCustomerActive as activate } from '../domain/customers/activation.js';
import { requireCustomer } from '../domain/customers/customer-store.js';
import { deleteCustomer as remove, getCustomer as read, getCustomerDetails as details, getCustomerHash as hash } from '../domain/customers/profile.js';
import { changeTags } from '../domain/customers/tags.js';
import { upsertCustomer } from '../domain/customers/upsert-customer.js';
import { getCustomerBalance as balance } from '../domain/points/balance.js';

export const createCustomer: H<'createCustomer'> = ({ body, context }) => upsertCustomer(context, body);

export const getCustomer: H<'getCustomer'> = ({ params, context }) => read(context, params.customerId);

export const getCustomerDetails: H<'getCustomerDetails'> = ({ params, context }) => details(context, params.customerId);

export const listCustomerCoupons: H<'listCustomerCoupons'> = async ({ params, context }) => {
  await requireCustomer(context.store, context.account.id, params.customerId);
  // No operation issues coupons yet, so every customer's list is empty.
  return { coupons: [] };
};

export const deleteCustomer: H<'deleteCustomer'> = ({ params, context }) => remove(context, params.customerId);

export const deleteCustomerByPost: H<'deleteCustomerByPost'> = ({ params, context }) => remove(context, params.customerId);

export const getCustomerHash: H<'getCustomerHash'> = ({ params, context }) => hash(context, params.customerId);

export const getCustomerBalance: H<'getCustomerBalance'> = ({ params, context }) => balance(context, params.customerId);

export const setCustomerActive: H<'setCustomerActive'> = ({ params, body, context }) => activate(context, params.customerId, body.isActive);

export const addCustomerTags: H<'addCustomerTags'> = ({ params, body, context }) => changeTags(context, params.customerId, body.tags, 'add');

export const removeCustomerTags: H<'removeCustomerTags'> = ({ params, body, context }) => changeTags(context, params.customerId, body.tags, 'remove');

export const removeCustomerTag: H<'removeCustomerTag'> = ({ params, context }) => changeTags(context, params.customerId, [params.tag], 'remove');
