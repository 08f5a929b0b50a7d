import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import type { CustomerRow } from '../../store/schema.js';
import { findCustomer } from '../customers/customer-store.js';
import { textIn } from '../program/local-text.js';
import { compare, toNumber } from '../shared/decimal.js';
import { earningRule } from '../tiers/earning-rule.js';
import { earnPurchase, type LineEarning, type PurchaseEarning } from './earn-purchase.js';
import { lineGross } from './reconcile-discounts.js';
import type { PurchaseLine, PurchaseTotals } from './purchase-lines.js';

type QuoteLine = Omit<components['schemas']['OrderCashbackLine'], 'productId'>;

/** The live customer (or the profile the ID was merged into), or undefined; a quote never creates one. */
export function findQuotedCustomer(scope: Scope, customerId: string | undefined): Promise<CustomerRow | undefined> {
  if (customerId === undefined) return Promise.resolve(undefined);
  return findCustomer(scope.store, scope.account.id, customerId);
}

/**
 * What a purchase would earn now, at the customer's rate when the customer is known; writes
 * nothing. A quote refuses a line whose discount is above its gross (3003).
 */
export async function quotePurchase(scope: Scope, customerId: string | undefined, lines: PurchaseLine[], totals: PurchaseTotals) {
  lines.forEach((line, i) => {
    if (compare(line.discount, lineGross(line)) > 0) {
      throw errors.invalidValue(`Line ${i}: its discount is above its gross (price x quantity + taxes).`);
    }
  });
  const customer = await findQuotedCustomer(scope, customerId);
  const { program } = scope.account;
  const earning = earnPurchase(program, customer ?? null, earningRule(program, customer ?? null), lines, totals, scope.clock.now().toISOString());
  return { customer, earning };
}

/** A line of a quote as the API shows it (the caller adds productId or serviceId). */
export function quoteLine(scope: Scope, earning: PurchaseEarning, l: LineEarning): QuoteLine {
  const campaign = l.multiplier?.campaign ?? null;
  return {
    quantity: l.line.quantityAsSent,
    totalDecimalPoints: l.decimalPoints,
    totalPoints: l.points,
    totalScore: l.score,
    rewardWalletFactor: earning.rewardWalletFactor,
    campaignId: campaign?.id ?? null,
    campaignName: campaign ? textIn(campaign.name, undefined, scope.account.program.defaultLanguage) : null,
    campaignEndDate: campaign?.activation.endDate ?? null,
    campaignImpactWalletFactor: l.multiplier ? toNumber(l.multiplier.factor) : 1,
    campaignImpactPoints: l.points - l.basePoints,
  };
}
