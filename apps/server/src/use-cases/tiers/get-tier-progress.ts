import type { components } from '@gameball-open/server-types';
import { readPoints } from '../../domain/customers/customer-points.js';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import { progressFigure, tierAbove, tierOf } from '../../domain/tiers/tier-ladder.js';
import { tierSummary } from '../../domain/tiers/tier-views.js';
import type { Scope } from '../../scope.js';

/**
 * GET /customers/{customerId}/tier-progress: the customer's tier, the next one (left out at the
 * top) and their progress in the tiering method's unit; reads only (the wallet as of now, as the
 * balance shows it). An account without tiers answers the progress alone.
 */
export async function getTierProgress(scope: Scope, customerId: string): Promise<components['schemas']['TierProgress']> {
  const { program } = scope.account;
  const customer = await requireCustomer(scope.store, scope.account.id, customerId);
  const current = tierOf(program.tiers, customer.tier_order);
  if (!current) return { progress: 0 };
  const needsWallet = program.tiers.method === 'pointsEarned' || program.tiers.method === 'score';
  const wallet = needsWallet ? await readPoints(scope, customerId) : { earned: 0, score: 0 };
  const next = tierAbove(program.tiers, current);
  return {
    current: tierSummary(program, current),
    next: next ? tierSummary(program, next) : undefined,
    progress: progressFigure(program.tiers, { customer, wallet }),
  };
}
