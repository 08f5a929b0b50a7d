import type { components } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import { getCashbackConfiguration } from './get-cashback-configuration.js';

/** GET /configurations/cashback: getCashbackConfiguration under its older path. */
export function getCashbackConfigurationLegacy(scope: Scope): Promise<components['schemas']['CashbackConfiguration']> {
  return getCashbackConfiguration(scope);
}
