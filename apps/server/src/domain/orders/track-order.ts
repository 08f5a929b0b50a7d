import type { components } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import { moneyFromJson } from '../shared/money.js';
import { checkTransactionTime } from '../shared/transaction-time.js';
import { purchaseEvent } from './purchase-event.js';
import { orderLine, purchaseTotals } from './purchase-lines.js';
import { recordPurchase } from './record-purchase.js';

type Schemas = components['schemas'];

const optionalMoney = (value: number | undefined, field: string) => (value === undefined ? undefined : moneyFromJson(value, field));

/** POST /orders: records the order, redeems what was paid with points and rewards the rest line by line. */
export async function trackOrder(scope: Scope, input: Schemas['OrderRequest']): Promise<Schemas['OrderResult']> {
  const date = checkTransactionTime(input.orderDate, scope.clock, 'orderDate');
  const lines = (input.lineItems ?? []).map(orderLine);
  const totals = purchaseTotals(input);
  const totalDiscount = optionalMoney(input.totalDiscount, 'totalDiscount');
  const outcome = await recordPurchase(scope, {
    kind: 'order',
    id: input.orderId,
    customerId: input.customerId,
    email: input.email,
    mobile: input.mobile,
    guest: input.guest ?? false,
    date,
    totals,
    totalPrice: optionalMoney(input.totalPrice, 'totalPrice'),
    totalDiscount,
    lines,
    // `holdReference: null` (legacy) is no hold. A legacy `redeemedAmount` is money taken off the
    // bill elsewhere (a POS redemption, a coupon), already inside totalDiscount: it spends no
    // Gameball points, so it plays no part here.
    payment: { holdReference: input.redemption?.pointsHoldReference ?? input.holdReference ?? undefined },
    merchant: input.merchant,
    channel: input.channel,
    returnWindow: input.cashbackConfigurations?.returnWindow,
    event: purchaseEvent(
      'place_order',
      { order_id: input.orderId, total_paid: totals.totalPaid, total_discount: totalDiscount, total_shipping: totals.totalShipping, total_tax: totals.totalTax },
      lines,
      input.extra as Record<string, unknown> | undefined,
    ),
  });
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
