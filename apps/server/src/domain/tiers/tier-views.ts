import type { components } from '@gameball-open/server-types';
import { textIn } from '../program/local-text.js';
import { toNumber } from '../shared/decimal.js';
import type { Tier, TieredProgram } from './tier-config.js';

type Schemas = components['schemas'];

/** A tier as the tier endpoints show it, its name in `lang` (else the default language). */
export function tierSummary(program: TieredProgram, tier: Tier, lang?: string): Schemas['TierSummary'] {
  return { order: tier.order, name: textIn(tier.name, lang, program.defaultLanguage), minProgress: tier.minProgress, icon: tier.icon ?? undefined };
}

/** The account's tiers as the seed's Level object, lowest first, names in `lang`. */
export function tierConfigurationView(program: TieredProgram, lang: string | undefined): Schemas['TierConfiguration'] {
  return program.tiers.tiers.map((tier) => ({
    ...tierSummary(program, tier, lang),
    benefits: { ...tier.benefits },
    cashback: tier.cashback && {
      amountRewardThreshold: toNumber(tier.cashback.amountRewardThreshold),
      rewardWalletFactor: toNumber(tier.cashback.rewardWalletFactor),
      rewardRankFactor: toNumber(tier.cashback.rewardRankFactor),
    },
  }));
}
