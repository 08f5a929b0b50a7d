import type { CustomerRow } from '../../store/schema.js';
import { compare, fromInteger, parseDecimal, toNumber } from '../shared/decimal.js';
import type { Tier, TierProgram } from './tier-config.js';

/** The figures progress is measured from: the customer row and the wallet's lifetime totals. */
export interface ProgressSources {
  customer: Pick<CustomerRow, 'amount_spent' | 'orders_count' | 'friends_referred'>;
  wallet: { earned: number; score: number };
}

/** The customer's tier: the stored order, else the lowest; null when the account has no tiers. */
export function tierOf(program: TierProgram, tierOrder: number | null): Tier | null {
  const { tiers } = program;
  if (tiers.length === 0) return null;
  if (tierOrder === null) return tiers[0]!;
  // The highest configured tier not above the stored order (a tier removed from the config falls back).
  let found = tiers[0]!;
  for (const tier of tiers) if (tier.order <= tierOrder) found = tier;
  return found;
}

/** The tier right above `tier`, or null at the top. */
export function tierAbove(program: TierProgram, tier: Tier): Tier | null {
  return program.tiers.find((t) => t.order > tier.order) ?? null;
}

/** Whether the progress reaches a tier's threshold; money is compared exactly. */
export function qualifiesFor(program: TierProgram, sources: ProgressSources, tier: Tier): boolean {
  if (program.method === 'amountSpent') return compare(parseDecimal(sources.customer.amount_spent), fromInteger(tier.minProgress)) >= 0;
  return progressFigure(program, sources) >= tier.minProgress;
}

/** Progress in the tiering method's unit, as GET /customers/{id}/tier-progress shows it. */
export function progressFigure(program: TierProgram, { customer, wallet }: ProgressSources): number {
  switch (program.method) {
    case 'amountSpent':
      return toNumber(parseDecimal(customer.amount_spent));
    case 'pointsEarned':
      return wallet.earned;
    case 'ordersCompleted':
      return Number(customer.orders_count);
    case 'friendsReferred':
      return Number(customer.friends_referred);
    case 'score':
      return wallet.score;
  }
}
