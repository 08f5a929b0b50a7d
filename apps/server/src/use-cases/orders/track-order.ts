import type { components } from '@gameball-open/server-types';
import { orderPurchase } from '../../domain/orders/order-request.js';
import { checkTransactionTime } from '../../domain/shared/transaction-time.js';
import type { Scope } from '../../scope.js';
import { trackPurchase } from './track-purchase.js';

type Schemas = components['schemas'];

/** POST /orders: records the order, redeems what was paid with points and rewards the rest line by line. */
export async function trackOrder(scope: Scope, input: Schemas['OrderRequest']): Promise<Schemas['OrderResult']> {
  const date = checkTransactionTime(input.orderDate, scope.clock, 'orderDate');
  const outcome = await trackPurchase(scope, orderPurchase(input, date));
  return {
    customerId: outcome.customerId,
    redeemedPoints: outcome.redeemedPoints,
    rewardedPoints: outcome.rewardedPoints,
    lineItems: outcome.earning.lines.map((l) => ({
      productId: l.line.id ?? undefined,
      quantity: l.line.quantityAsSent,
      decimalPoints: l.decimalPoints,
      points: l.points,
      score: l.score,
    })),
  };
}
