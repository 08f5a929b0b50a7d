/** The use cases of the spec tag "Orders", one file per operation, named after its operationId. */
export { calculateOrderCashback } from './calculate-order-cashback.js';
export { cancelOrderTransactions } from './cancel-order-transactions.js';
export { listOrderTransactions } from './list-order-transactions.js';
export { previewOrderRewards } from './preview-order-rewards.js';
export { trackOrder } from './track-order.js';
