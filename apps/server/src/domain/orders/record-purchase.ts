import type { components } from '@gameball-open/server-types';
import type { CampaignProgram } from '../campaigns/campaign-config.js';
import type { FiredEvent } from '../events/fired-event.js';
import type { ProgramUnit } from '../points/unit.js';
import { earningTiming } from '../program/return-window.js';
import { earningRule } from '../tiers/earning-rule.js';
import { toText, type Decimal } from '../shared/decimal.js';
import { checkPoints } from '../shared/limits.js';
import { storeMoney } from '../shared/money.js';
import { earnPurchase, type PurchaseEarning } from './earn-purchase.js';
import { describeNewCustomer, insertOrder, saveSpending } from './order-store.js';
import { payWithPoints, redeemedMoney, type EntryBase, type PointsPayment } from './pay-with-points.js';
import { historyAfter, spendingAfter } from './purchase-history.js';
import type { PurchaseLine, PurchaseTotals } from './purchase-lines.js';

/** An order or a payment, as the shared recording flow needs it. */
export interface Purchase {
  kind: 'order' | 'payment';
  /** orderId or paymentId: used once per kind (9004). */
  id: string;
  customerId: string;
  email: string | undefined;
  mobile: string | undefined;
  guest: boolean;
  /** Checked and normalised (UTC ISO 8601). */
  date: string;
  totals: PurchaseTotals;
  totalPrice: Decimal | undefined;
  totalDiscount: Decimal | undefined;
  lines: PurchaseLine[];
  payment: PointsPayment;
  /** Coupons used on the purchase (`redemption.couponsLockReference`, `couponCodes`), burned in its unit of work. */
  coupons: { lockReference: string | undefined; codes: string[] };
  merchant: components['schemas']['Merchant'] | undefined;
  channel: string | undefined;
  returnWindow: number | undefined;
  /** The event the purchase fires (place_order, payment_processed). */
  event: FiredEvent;
}

export interface PurchaseOutcome {
  customerId: string;
  /** An opted-out customer's purchase awards nothing and fires no event. */
  customerActive: boolean;
  redeemedPoints: number;
  rewardedPoints: number;
  earning: PurchaseEarning;
}

/**
 * Records a purchase in the customer's unit of work: the points paid with (Redemption), the
 * points earned (PaymentReward, pending through the return window), the order row, the
 * customer's money spent and orders count (so the tier sees them) and the purchase-history
 * attributes. A customer created by this request (at or after `requestStart`) is described as
 * the purchase says. An opted-out customer's purchase is stored and nothing is awarded; the
 * answer says whether the customer is active, so that the caller fires the purchase's event.
 */
export async function recordPurchase(unit: ProgramUnit<CampaignProgram>, p: Purchase, requestStart: string): Promise<PurchaseOutcome> {
  const { program } = unit.account;
  const customer = unit.customer;
  if (customer.created_at >= requestStart) {
    await describeNewCustomer(unit.q, customer.id, p.guest, p.email ?? null, p.mobile ?? null);
    customer.is_guest = p.guest ? 1 : 0;
    customer.email ??= p.email ?? null;
    customer.mobile ??= p.mobile ?? null;
  }
  const active = customer.is_active !== 0;
  const base: EntryBase = {
    kind: p.kind,
    transactionId: p.id,
    transactionTime: p.date,
    orderId: p.id,
    merchantName: p.merchant?.name ?? null,
    branchName: p.merchant?.branch?.name ?? null,
  };
  const redemption = await payWithPoints(unit, p.payment, base);
  const rule = active ? earningRule(program, customer) : null;
  const earning = earnPurchase(program, customer, rule, p.lines, p.totals, p.date);
  const points = checkPoints(earning.points);
  const score = checkPoints(earning.score, 'score');
  if (rule?.enabled) {
    await unit.append({
      ...base,
      type: 'PaymentReward',
      points,
      score,
      amount: storeMoney(p.totals.totalPaid),
      ...earningTiming(program, p.returnWindow ?? program.returnWindowDays, points, unit.now),
    });
  }
  const rewardedPoints = rule?.enabled ? points : 0;
  await insertOrder(unit.q, {
    account_id: unit.account.id,
    kind: p.kind,
    order_id: p.id,
    customer_pk: customer.id,
    customer_id: customer.customer_id,
    order_date: p.date,
    total_paid: storeMoney(p.totals.totalPaid),
    total_price: p.totalPrice ? storeMoney(p.totalPrice) : null,
    total_discount: p.totalDiscount ? storeMoney(p.totalDiscount) : null,
    total_shipping: storeMoney(p.totals.totalShipping),
    total_tax: storeMoney(p.totals.totalTax),
    eligible_amount: toText(earning.eligible),
    unexplained_amount: toText(earning.unexplained),
    redeemed_points: redemption ? Number(redemption.points) : 0,
    redeemed_amount: storeMoney(redeemedMoney(redemption)),
    rewarded_points: rewardedPoints,
    base_points: rule?.enabled ? earning.basePoints : 0,
    guest: p.guest ? 1 : 0,
    merchant_id: p.merchant?.uniqueId ?? null,
    branch_id: p.merchant?.branch?.uniqueId ?? null,
    channel: p.channel ?? null,
    created_at: unit.now,
  });
  // Money only: totalPaid is what was left to pay after points and coupons. An opted-out
  // customer's purchases are history, but they do not move the customer's tier.
  const spending = active
    ? spendingAfter(customer.amount_spent, customer.orders_count, p.totals.totalPaid)
    : { amountSpent: customer.amount_spent, ordersCount: customer.orders_count };
  const attributes = historyAfter(customer.attributes, p.totals.totalPaid, p.date);
  await saveSpending(unit.q, customer.id, { ...spending, attributes }, unit.now);
  customer.amount_spent = spending.amountSpent;
  customer.orders_count = spending.ordersCount;
  customer.attributes = attributes;
  return {
    customerId: customer.customer_id,
    customerActive: active,
    redeemedPoints: redemption ? Number(redemption.points) : 0,
    rewardedPoints,
    earning,
  };
}
