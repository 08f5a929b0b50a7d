import type { OperationHandler as H } from '../context.js';
import * as orders from '../use-cases/orders/index.js';

export const trackOrder: H<'trackOrder'> = ({ body, context }) => orders.trackOrder(context, body);

export const calculateOrderCashback: H<'calculateOrderCashback'> = ({ body, context }) => orders.calculateOrderCashback(context, body);

export const previewOrderRewards: H<'previewOrderRewards'> = ({ body, context }) => orders.previewOrderRewards(context, body);

export const listOrderTransactions: H<'listOrderTransactions'> = ({ params, query, context }) =>
  orders.listOrderTransactions(context, params.orderId, query.customerId);

export const cancelOrderTransactions: H<'cancelOrderTransactions'> = ({ params, query, context }) =>
  orders.cancelOrderTransactions(context, params.orderId, query.customerId);
