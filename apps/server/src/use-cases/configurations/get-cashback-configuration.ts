import type { components } from '@gameball-open/server-types';
import { cashbackConfiguration } from '../../domain/program/configuration-views.js';
import type { Scope } from '../../scope.js';

/** GET /configurations/rewards/cashback: the account's cashback rule. */
export async function getCashbackConfiguration({ account }: Scope): Promise<components['schemas']['CashbackConfiguration']> {
  return cashbackConfiguration(account.program);
}
