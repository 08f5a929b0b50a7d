/** The use cases of the spec tag "Transactions", one file per operation, named after its operationId. */
export { activateTransaction } from './activate-transaction.js';
export { countTransactions } from './count-transactions.js';
export { createManualTransaction } from './create-manual-transaction.js';
export { getHold } from './get-hold.js';
export { holdPoints } from './hold-points.js';
export { listCustomerViewTransactions } from './list-customer-view-transactions.js';
export { listTransactions } from './list-transactions.js';
export { redeemPoints } from './redeem-points.js';
export { refundTransaction } from './refund-transaction.js';
export { releaseHold } from './release-hold.js';
export { rewardCashback } from './reward-cashback.js';
export { sendOtp } from './send-otp.js';
