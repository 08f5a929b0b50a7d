import type { components } from '@gameball-open/server-types';
import { orderLine, purchaseTotals } from '../../domain/orders/purchase-lines.js';
import { quoteLine, quotePurchase } from '../../domain/orders/quote-purchase.js';
import type { Scope } from '../../scope.js';

type Schemas = components['schemas'];

/** POST /orders/cashback: what trackOrder would reward for this order; writes nothing. */
export async function calculateOrderCashback({ store, account, clock }: Scope, input: Schemas['OrderCashbackRequest']): Promise<Schemas['OrderCashbackResult']> {
  const lines = (input.lineItems ?? []).map(orderLine);
  const { earning } = await quotePurchase(store, account, input.customerId, lines, purchaseTotals(input), clock.now().toISOString());
  return {
    totalPoints: earning.points,
    totalScore: earning.score,
    lineItems: earning.lines.map((l) => ({ productId: l.line.id ?? undefined, ...quoteLine(account.program, earning, l) })),
  };
}
