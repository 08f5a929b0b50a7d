import type { OperationHandler as H } from '../context.js';
import { calculatePaymentCashback as cashback } from '../domain/payments/payment-cashback.js';
import { trackPayment as track } from '../domain/payments/track-payment.js';

export const trackPayment: H<'trackPayment'> = ({ body, context }) => track(context, body);

export const calculatePaymentCashback: H<'calculatePaymentCashback'> = ({ body, context }) => cashback(context, body);
