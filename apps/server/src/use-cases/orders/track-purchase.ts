import type { Purchase, PurchaseOutcome } from '../../domain/orders/record-purchase.js';
import { recordPurchase } from '../../domain/orders/record-purchase.js';
import type { Scope } from '../../scope.js';
import { reactToEvents } from '../react-to-events.js';
import { withCustomer } from '../with-customer.js';

/**
 * The story trackOrder and trackPayment share: the purchase recorded in one unit of work, its
 * orderId or paymentId used once (9004), then its event (place_order, payment_processed) fired
 * for an active customer. An unknown customer is created; its email or mobile may join a known
 * profile (channel merging). Any error writes nothing.
 */
export async function trackPurchase(scope: Scope, purchase: Purchase): Promise<PurchaseOutcome> {
  const requestStart = scope.clock.now().toISOString();
  const target = { customerId: purchase.customerId, create: true, email: purchase.email, mobile: purchase.mobile };
  return withCustomer(scope, target, { kind: purchase.kind, transactionId: purchase.id }, async (unit) => {
    const outcome = await recordPurchase(unit, purchase, requestStart);
    if (outcome.customerActive) await reactToEvents(unit, [purchase.event]);
    return outcome;
  });
}
