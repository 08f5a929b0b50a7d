import type { components } from '@gameball-open/server-types';
import { moneyFromJson } from '../shared/money.js';
import { purchaseEvent } from './purchase-event.js';
import { orderLine, purchaseTotals } from './purchase-lines.js';
import type { Purchase } from './record-purchase.js';

type Schemas = components['schemas'];

const optionalMoney = (value: number | undefined, field: string) => (value === undefined ? undefined : moneyFromJson(value, field));

/** An order request as a purchase to record, dated `date` (its checked orderDate). */
export function orderPurchase(input: Schemas['OrderRequest'], date: string): Purchase {
  const lines = (input.lineItems ?? []).map(orderLine);
  const totals = purchaseTotals(input);
  const totalDiscount = optionalMoney(input.totalDiscount, 'totalDiscount');
  return {
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
    coupons: { lockReference: input.redemption?.couponsLockReference, codes: input.redemption?.couponCodes ?? [] },
    merchant: input.merchant,
    channel: input.channel,
    returnWindow: input.cashbackConfigurations?.returnWindow,
    event: purchaseEvent(
      'place_order',
      { order_id: input.orderId, total_paid: totals.totalPaid, total_discount: totalDiscount, total_shipping: totals.totalShipping, total_tax: totals.totalTax },
      lines,
      input.extra as Record<string, unknown> | undefined,
    ),
  };
}
