import type { components } from '@gameball-open/server-types';
import { ruleView } from '../../domain/coupons/rule-view.js';
import { redemptionConfiguration } from '../../domain/program/configuration-views.js';
import type { Scope } from '../../scope.js';

/** GET /configurations/rewards/redemption: the account's redemption settings and every redemption rule, active or not, by id. */
export async function getRedemptionConfiguration({ account }: Scope): Promise<components['schemas']['RedemptionConfiguration']> {
  const { program } = account;
  return { ...redemptionConfiguration(program), redemptionRules: program.redemptionRules.map((rule) => ruleView(program, rule)) };
}
