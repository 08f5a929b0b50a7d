import type { components } from '@gameball-open/server-types';
import { tierConfigurationView } from '../../domain/tiers/tier-views.js';
import type { Scope } from '../../scope.js';

/** GET /configurations/tiers: the account's tiers, lowest first, names in `lang`. */
export async function getTierConfiguration({ account }: Scope, lang: string | undefined): Promise<components['schemas']['TierConfiguration']> {
  return tierConfigurationView(account.program, lang);
}
