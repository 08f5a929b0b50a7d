import type { OperationHandler as H } from '../context.js';
import * as customers from '../use-cases/customers/index.js';

export const createCustomer: H<'createCustomer'> = ({ body, context }) => customers.createCustomer(context, body);

export const getCustomer: H<'getCustomer'> = ({ params, context }) => customers.getCustomer(context, params.customerId);

export const getCustomerDetails: H<'getCustomerDetails'> = ({ params, context }) => customers.getCustomerDetails(context, params.customerId);

export const listCustomerCoupons: H<'listCustomerCoupons'> = ({ params, context }) => customers.listCustomerCoupons(context, params.customerId);

export const deleteCustomer: H<'deleteCustomer'> = ({ params, context }) => customers.deleteCustomer(context, params.customerId);

export const deleteCustomerByPost: H<'deleteCustomerByPost'> = ({ params, context }) => customers.deleteCustomerByPost(context, params.customerId);

export const getCustomerHash: H<'getCustomerHash'> = ({ params, context }) => customers.getCustomerHash(context, params.customerId);

export const getCustomerBalance: H<'getCustomerBalance'> = ({ params, context }) => customers.getCustomerBalance(context, params.customerId);

export const setCustomerActive: H<'setCustomerActive'> = ({ params, body, context }) =>
  customers.setCustomerActive(context, params.customerId, body.isActive);

export const addCustomerTags: H<'addCustomerTags'> = ({ params, body, context }) => customers.addCustomerTags(context, params.customerId, body.tags);

export const removeCustomerTags: H<'removeCustomerTags'> = ({ params, body, context }) =>
  customers.removeCustomerTags(context, params.customerId, body.tags);

export const removeCustomerTag: H<'removeCustomerTag'> = ({ params, context }) => customers.removeCustomerTag(context, params.customerId, params.tag);
