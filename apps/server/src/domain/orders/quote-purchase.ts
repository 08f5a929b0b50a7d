import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { CustomerRow } from '../../store/schema.js';
import type { Queryable } from '../../store/sql.js';
import type { CampaignProgram } from '../campaigns/campaign-config.js';
import { findCustomer } from '../customers/customer-store.js';
import { textIn } from '../program/local-text.js';
import type { Program } from '../program/program.js';
import { compare, toNumber } from '../shared/decimal.js';
import { earningRule } from '../tiers/earning-rule.js';
import { earnPurchase, type LineEarning, type PurchaseEarning } from './earn-purchase.js';
import { lineGross } from './reconcile-discounts.js';
import type { PurchaseLine, PurchaseTotals } from './purchase-lines.js';

type QuoteLine = Omit<components['schemas']['OrderCashbackLine'], 'productId'>;

/**
 * What a purchase would earn at `now`, at the customer's rate when the customer is known (the
 * live customer, or the profile the ID was merged into); writes nothing and never creates the
 * customer. A quote refuses a line whose discount is above its gross (3003).
 */
export async function quotePurchase(
  q: Queryable,
  account: { id: string; program: CampaignProgram },
  customerId: string | undefined,
  lines: PurchaseLine[],
  totals: PurchaseTotals,
  now: string,
): Promise<{ customer: CustomerRow | undefined; earning: PurchaseEarning }> {
  lines.forEach((line, i) => {
    if (compare(line.discount, lineGross(line)) > 0) {
      throw errors.invalidValue(`Line ${i}: its discount is above its gross (price x quantity + taxes).`);
    }
  });
  const customer = customerId === undefined ? undefined : await findCustomer(q, account.id, customerId);
  const { program } = account;
  const earning = earnPurchase(program, customer ?? null, earningRule(program, customer ?? null), lines, totals, now);
  return { customer, earning };
}

/** A line of a quote as the API shows it (the caller adds productId or serviceId). */
export function quoteLine(program: Program, earning: PurchaseEarning, l: LineEarning): QuoteLine {
  const campaign = l.multiplier?.campaign ?? null;
  return {
    quantity: l.line.quantityAsSent,
    totalDecimalPoints: l.decimalPoints,
    totalPoints: l.points,
    totalScore: l.score,
    rewardWalletFactor: earning.rewardWalletFactor,
    campaignId: campaign?.id ?? null,
    campaignName: campaign ? textIn(campaign.name, undefined, program.defaultLanguage) : null,
    campaignEndDate: campaign?.activation.endDate ?? null,
    campaignImpactWalletFactor: l.multiplier ? toNumber(l.multiplier.factor) : 1,
    campaignImpactPoints: l.points - l.basePoints,
  };
}
