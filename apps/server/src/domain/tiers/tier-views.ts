import type { components } from '@gameball-open/server-types';
import type { Account } from '../../accounts.js';
import type { Scope } from '../../scope.js';
import { requireCustomer } from '../customers/customer-store.js';
import { readPoints } from '../points/balance.js';
import { textIn } from '../program/local-text.js';
import { toNumber } from '../shared/decimal.js';
import type { Tier } from './tier-config.js';
import { progressFigure, tierAbove, tierOf } from './tier-progress.js';

type Schemas = components['schemas'];

function summary(account: Account, tier: Tier, lang?: string): Schemas['TierSummary'] {
  const { defaultLanguage } = account.program;
  return { order: tier.order, name: textIn(tier.name, lang, defaultLanguage), minProgress: tier.minProgress, icon: tier.icon ?? undefined };
}

/**
 * The customer's tier, the next one (left out at the top) and their progress in the tiering
 * method's unit; reads only (the wallet as of now, as the balance shows it). An account without
 * tiers answers the progress alone.
 */
export async function getTierProgress(scope: Scope, customerId: string): Promise<Schemas['TierProgress']> {
  const { program } = scope.account;
  const customer = await requireCustomer(scope.store, scope.account.id, customerId);
  const current = tierOf(program.tiers, customer.tier_order);
  if (!current) return { progress: 0 };
  const needsWallet = program.tiers.method === 'pointsEarned' || program.tiers.method === 'score';
  const wallet = needsWallet ? await readPoints(scope, customerId) : { earned: 0, score: 0 };
  const next = tierAbove(program.tiers, current);
  return {
    current: summary(scope.account, current),
    next: next ? summary(scope.account, next) : undefined,
    progress: progressFigure(program.tiers, { customer, wallet }),
  };
}

/** The account's tiers as the seed's Level object, lowest first, names in `lang`. */
export function tierConfiguration(account: Account, lang: string | undefined): Schemas['TierConfiguration'] {
  const program = account.program;
  return program.tiers.tiers.map((tier) => ({
    ...summary(account, tier, lang),
    benefits: { ...tier.benefits },
    cashback: tier.cashback && {
      amountRewardThreshold: toNumber(tier.cashback.amountRewardThreshold),
      rewardWalletFactor: toNumber(tier.cashback.rewardWalletFactor),
      rewardRankFactor: toNumber(tier.cashback.rewardRankFactor),
    },
  }));
}
