import type { Program } from '../program/program.js';
import type { CustomerRow } from '../../store/schema.js';
import { tierOf } from './tier-progress.js';

/** The cashback rule a customer earns by: their tier's own rule, else the account's. */
export function earningRule(program: Program, customer: Pick<CustomerRow, 'tier_order'> | null): Program['cashback'] {
  const tier = customer ? tierOf(program.tiers, customer.tier_order) : null;
  if (!tier?.cashback) return program.cashback;
  return { enabled: program.cashback.enabled, ...tier.cashback };
}

/** The program as the customer earns by it, for the formulas that take a program (cashbackFor). */
export function programFor(program: Program, customer: Pick<CustomerRow, 'tier_order'> | null): Program {
  const cashback = earningRule(program, customer);
  return cashback === program.cashback ? program : { ...program, cashback };
}
