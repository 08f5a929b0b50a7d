import type { OperationHandler as H } from '../context.js';
import * as payments from '../use-cases/payments/index.js';

export const trackPayment: H<'trackPayment'> = ({ body, context }) => payments.trackPayment(context, body);

export const calculatePaymentCashback: H<'calculatePaymentCashback'> = ({ body, context }) => payments.calculatePaymentCashback(context, body);
