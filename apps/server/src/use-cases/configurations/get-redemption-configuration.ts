import type { components } from '@gameball-open/server-types';
import { redemptionConfiguration } from '../../domain/program/configuration-views.js';
import type { Scope } from '../../scope.js';

/** GET /configurations/rewards/redemption: the account's redemption settings. */
export async function getRedemptionConfiguration({ account }: Scope): Promise<components['schemas']['RedemptionConfiguration']> {
  return redemptionConfiguration(account.program);
}
