import type { components } from '@gameball-open/server-types';
import { paymentPurchase } from '../../domain/payments/payment-request.js';
import { checkTransactionTime } from '../../domain/shared/transaction-time.js';
import type { Scope } from '../../scope.js';
import { trackPurchase } from '../orders/track-purchase.js';

type Schemas = components['schemas'];

/** POST /payments: a payment of services, recorded and rewarded as an order is, firing `payment_processed`. */
export async function trackPayment(scope: Scope, input: Schemas['PaymentRequest']): Promise<Schemas['PaymentResult']> {
  const date = checkTransactionTime(input.paymentDate, scope.clock, 'paymentDate');
  const outcome = await trackPurchase(scope, paymentPurchase(input, date));
  return {
    customerId: outcome.customerId,
    redeemedPoints: outcome.redeemedPoints,
    rewardedPoints: outcome.rewardedPoints,
    paymentDetails: outcome.earning.lines.map((l) => ({ serviceId: l.line.id ?? undefined, decimalPoints: l.decimalPoints, points: l.points, score: l.score })),
  };
}
