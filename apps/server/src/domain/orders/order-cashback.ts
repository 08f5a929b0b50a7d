import type { components } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import { orderLine, purchaseTotals } from './purchase-lines.js';
import { quoteLine, quotePurchase } from './quote-purchase.js';

type Schemas = components['schemas'];

/** POST /orders/cashback: what trackOrder would reward for this order; writes nothing. */
export async function calculateOrderCashback(scope: Scope, input: Schemas['OrderCashbackRequest']): Promise<Schemas['OrderCashbackResult']> {
  const { earning } = await quotePurchase(scope, input.customerId, (input.lineItems ?? []).map(orderLine), purchaseTotals(input));
  return {
    totalPoints: earning.points,
    totalScore: earning.score,
    lineItems: earning.lines.map((l) => ({ productId: l.line.id ?? undefined, ...quoteLine(scope, earning, l) })),
  };
}
