/** The use cases of the spec tag "Payments", one file per operation, named after its operationId. */
export { calculatePaymentCashback } from './calculate-payment-cashback.js';
export { trackPayment } from './track-payment.js';
