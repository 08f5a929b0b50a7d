import type { OperationHandler as H } from '../context.js';
import { calculateOrderCashback as cashback } from '../domain/orders/order-cashback.js';
import { cancelOrderTransactions as cancel, listOrderTransactions as list } from '../domain/orders/order-transactions.js';
import { previewOrderRewards as preview } from '../domain/orders/reward-preview.js';
import { trackOrder as track } from '../domain/orders/track-order.js';

export const trackOrder: H<'trackOrder'> = ({ body, context }) => track(context, body);

export const calculateOrderCashback: H<'calculateOrderCashback'> = ({ body, context }) => cashback(context, body);

export const previewOrderRewards: H<'previewOrderRewards'> = ({ body, context }) => preview(context, body);

export const listOrderTransactions: H<'listOrderTransactions'> = ({ params, query, context }) => list(context, params.orderId, query.customerId);

export const cancelOrderTransactions: H<'cancelOrderTransactions'> = ({ params, query, context }) => cancel(context, params.orderId, query.customerId);
