import type { components } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import { purchaseEvent } from '../orders/purchase-event.js';
import { purchaseTotals, serviceLine } from '../orders/purchase-lines.js';
import { recordPurchase } from '../orders/record-purchase.js';
import { moneyFromJson } from '../shared/money.js';
import { checkTransactionTime } from '../shared/transaction-time.js';

type Schemas = components['schemas'];

const optionalMoney = (value: number | undefined, field: string) => (value === undefined ? undefined : moneyFromJson(value, field));

/**
 * POST /payments: a payment of services, recorded and rewarded as an order is (the services
 * are its lines, quantity 1, no shipping), firing `payment_processed` with the payment as metadata.
 */
export async function trackPayment(scope: Scope, input: Schemas['PaymentRequest']): Promise<Schemas['PaymentResult']> {
  const date = checkTransactionTime(input.paymentDate, scope.clock, 'paymentDate');
  const lines = (input.paymentDetails ?? []).map(serviceLine);
  const totals = purchaseTotals({ totalPaid: input.totalPaid, ...(input.totalTax === undefined ? {} : { totalTax: input.totalTax }) });
  const totalDiscount = optionalMoney(input.totalDiscount, 'totalDiscount');
  const outcome = await recordPurchase(scope, {
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
  });
  return {
    customerId: outcome.customerId,
    redeemedPoints: outcome.redeemedPoints,
    rewardedPoints: outcome.rewardedPoints,
    paymentDetails: outcome.earning.lines.map((l) => ({ serviceId: l.line.id ?? undefined, decimalPoints: l.decimalPoints, points: l.points, score: l.score })),
  };
}
