import type { Program } from '../program/program.js';
import type { TieredProgram } from './tier-config.js';
import type { CustomerRow } from '../../store/schema.js';
import { tierOf } from './tier-ladder.js';

/** The cashback rule a customer earns by: their tier's own rule, else the account's. */
export function earningRule(program: TieredProgram, customer: Pick<CustomerRow, 'tier_order'> | null): Program['cashback'] {
  const tier = customer ? tierOf(program.tiers, customer.tier_order) : null;
  if (!tier?.cashback) return program.cashback;
  return { enabled: program.cashback.enabled, ...tier.cashback };
}

/** The program as the customer earns by it, for the formulas that take a program (cashbackFor). */
export function programFor<P extends TieredProgram>(program: P, customer: Pick<CustomerRow, 'tier_order'> | null): P {
  const cashback = earningRule(program, customer);
  return cashback === program.cashback ? program : { ...program, cashback };
}
