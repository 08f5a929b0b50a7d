import type { components } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import { purchaseTotals, serviceLine } from '../orders/purchase-lines.js';
import { quoteLine, quotePurchase } from '../orders/quote-purchase.js';

type Schemas = components['schemas'];

/** POST /payments/cashback: what trackPayment would reward, service by service; writes nothing. */
export async function calculatePaymentCashback(scope: Scope, input: Schemas['PaymentCashbackRequest']): Promise<Schemas['PaymentCashbackResult']> {
  const lines = (input.paymentDetails ?? []).map(serviceLine);
  const totals = purchaseTotals({ totalPaid: input.totalPaid, ...(input.totalTax === undefined ? {} : { totalTax: input.totalTax }) });
  const { earning } = await quotePurchase(scope, input.customerId, lines, totals);
  return {
    totalPoints: earning.points,
    totalScore: earning.score,
    paymentDetails: earning.lines.map((l) => ({ serviceId: l.line.id ?? undefined, ...quoteLine(scope, earning, l) })),
  };
}
