import { standingsWithLock } from '../../domain/campaigns/award-event-campaigns.js';
import { burnNamedCoupons, namesCoupons } from '../../domain/coupons/burn.js';
import { requireActive } from '../../domain/customers/activation.js';
import type { Purchase, PurchaseOutcome } from '../../domain/orders/record-purchase.js';
import { recordPurchase } from '../../domain/orders/record-purchase.js';
import type { Scope } from '../../scope.js';
import { reactToEvents } from '../react-to-events.js';
import { withCustomer } from '../with-customer.js';

/**
 * The story trackOrder and trackPayment share: the purchase recorded in one unit of work, its
 * orderId or paymentId used once (9004), then its event (place_order, payment_processed) fired
 * for an active customer. An unknown customer is created; its email or mobile may join a known
 * profile (channel merging). Coupons it names are burned first, in the same unit of work, so a
 * coupon that cannot be burned refuses the whole purchase (an opted-out customer's too, 3009);
 * two purchases naming one locked coupon take turns on the customer's lock, and only the first
 * burns it. Any error writes nothing.
 */
export async function trackPurchase(scope: Scope, purchase: Purchase): Promise<PurchaseOutcome> {
  const requestStart = scope.clock.now().toISOString();
  // The campaigns' standings are read with the lock (on PostgreSQL in its round trip).
  const alongside = standingsWithLock(scope.account.program, [purchase.event.name]);
  const target = { customerId: purchase.customerId, create: true, email: purchase.email, mobile: purchase.mobile, ...(alongside && { alongside }) };
  return withCustomer(scope, target, { kind: purchase.kind, transactionId: purchase.id }, async (unit) => {
    if (namesCoupons(purchase.coupons)) {
      requireActive(unit.customer);
      await burnNamedCoupons(unit.q, { accountId: scope.account.id, customerPk: unit.customer.id }, purchase.coupons, unit.now);
    }
    const outcome = await recordPurchase(unit, purchase, requestStart);
    if (outcome.customerActive) await reactToEvents(unit, [purchase.event]);
    return outcome;
  });
}
