import type { components } from '@gameball-open/server-types';
import { purchaseEvent } from '../orders/purchase-event.js';
import { purchaseTotals, serviceLine } from '../orders/purchase-lines.js';
import type { Purchase } from '../orders/record-purchase.js';
import { moneyFromJson } from '../shared/money.js';

type Schemas = components['schemas'];

const optionalMoney = (value: number | undefined, field: string) => (value === undefined ? undefined : moneyFromJson(value, field));

/**
 * A payment of services as a purchase to record, dated `date` (its checked paymentDate): the
 * services are its lines, quantity 1, no shipping, firing `payment_processed` with the payment as metadata.
 */
export function paymentPurchase(input: Schemas['PaymentRequest'], date: string): Purchase {
  const lines = (input.paymentDetails ?? []).map(serviceLine);
  const totals = purchaseTotals({ totalPaid: input.totalPaid, ...(input.totalTax === undefined ? {} : { totalTax: input.totalTax }) });
  const totalDiscount = optionalMoney(input.totalDiscount, 'totalDiscount');
  return {
    kind: 'payment',
    id: input.paymentId,
    customerId: input.customerId,
    email: input.email,
    mobile: input.mobile,
    guest: input.guest ?? false,
    date,
    totals,
    totalPrice: optionalMoney(input.totalAmount, 'totalAmount'),
    totalDiscount,
    lines,
    payment: { holdReference: input.redemption?.pointsHoldReference },
    coupons: { lockReference: input.redemption?.couponsLockReference, codes: input.redemption?.couponCodes ?? [] },
    merchant: input.merchant,
    channel: input.channel,
    returnWindow: input.cashbackConfigurations?.returnWindow,
    event: purchaseEvent(
      'payment_processed',
      {
        payment_id: input.paymentId,
        total_paid: totals.totalPaid,
        total_amount: optionalMoney(input.totalAmount, 'totalAmount'),
        total_discount: totalDiscount,
        total_tax: totals.totalTax,
        total_processing_fees: optionalMoney(input.totalProcessingFees, 'totalProcessingFees'),
        channel: input.channel,
      },
      lines,
      input.extra as Record<string, unknown> | undefined,
    ),
  };
}
