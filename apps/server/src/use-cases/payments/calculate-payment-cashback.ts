import type { components } from '@gameball-open/server-types';
import { purchaseTotals, serviceLine } from '../../domain/orders/purchase-lines.js';
import { quoteLine, quotePurchase } from '../../domain/orders/quote-purchase.js';
import type { Scope } from '../../scope.js';

type Schemas = components['schemas'];

/** POST /payments/cashback: what trackPayment would reward, service by service; writes nothing. */
export async function calculatePaymentCashback({ store, account, clock }: Scope, input: Schemas['PaymentCashbackRequest']): Promise<Schemas['PaymentCashbackResult']> {
  const lines = (input.paymentDetails ?? []).map(serviceLine);
  const totals = purchaseTotals({ totalPaid: input.totalPaid, ...(input.totalTax === undefined ? {} : { totalTax: input.totalTax }) });
  const { earning } = await quotePurchase(store, account, input.customerId, lines, totals, clock.now().toISOString());
  return {
    totalPoints: earning.points,
    totalScore: earning.score,
    paymentDetails: earning.lines.map((l) => ({ serviceId: l.line.id ?? undefined, ...quoteLine(account.program, earning, l) })),
  };
}
