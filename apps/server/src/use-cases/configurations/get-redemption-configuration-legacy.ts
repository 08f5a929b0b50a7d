import type { components } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import { getRedemptionConfiguration } from './get-redemption-configuration.js';

/** GET /configurations/redemption: getRedemptionConfiguration under its older path. */
export function getRedemptionConfigurationLegacy(scope: Scope): Promise<components['schemas']['RedemptionConfiguration']> {
  return getRedemptionConfiguration(scope);
}
