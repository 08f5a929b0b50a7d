import type { components } from '@gameball-open/server-types';
import { previewEvents } from '../../domain/campaigns/preview-events.js';
import { purchaseEvent } from '../../domain/orders/purchase-event.js';
import { orderLine, purchaseTotals } from '../../domain/orders/purchase-lines.js';
import { quoteLine, quotePurchase } from '../../domain/orders/quote-purchase.js';
import { moneyFromJson } from '../../domain/shared/money.js';
import type { Scope } from '../../scope.js';

type Schemas = components['schemas'];

/**
 * POST /orders/reward-preview: the cashback quote plus what the order's `place_order` event
 * would bring the customer. No orderId, so `order_id` conditions never match. Never creates a
 * customer; an unknown or opted-out one gets the quote with `eventRewards: null`.
 */
export async function previewOrderRewards({ store, account, clock }: Scope, input: Schemas['OrderRewardPreviewRequest']): Promise<Schemas['OrderRewardPreview']> {
  const lines = (input.lineItems ?? []).map(orderLine);
  const totals = purchaseTotals(input);
  const { customer, earning } = await quotePurchase(store, account, input.customerId, lines, totals, clock.now().toISOString());
  const totalDiscount = input.totalDiscount === undefined ? undefined : moneyFromJson(input.totalDiscount, 'totalDiscount');
  const event = purchaseEvent(
    'place_order',
    { total_paid: totals.totalPaid, total_discount: totalDiscount, total_shipping: totals.totalShipping, total_tax: totals.totalTax },
    lines,
    input.extra as Record<string, unknown> | undefined,
  );
  const active = customer !== undefined && customer.is_active !== 0;
  const eventRewards = active ? (await previewEvents(store, account.program, customer, [event], clock.now().toISOString())).events[0]! : null;
  return {
    customerId: input.customerId,
    customerFound: customer !== undefined,
    totalPoints: earning.points + (eventRewards?.totalPoints ?? 0),
    totalCoupons: 0,
    cashback: {
      totalPoints: earning.points,
      totalScore: earning.score,
      lineItems: earning.lines.map((l) => ({ productId: l.line.id ?? undefined, ...quoteLine(account.program, earning, l) })),
    },
    eventRewards,
  };
}
