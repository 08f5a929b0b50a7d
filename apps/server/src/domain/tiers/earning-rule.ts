import type { Program } from '../program/program.js';
import type { CustomerRow } from '../../store/schema.js';

/** The cashback rule a customer earns by: their tier's own rule, else the account's. */
export function earningRule(program: Program, _customer: Pick<CustomerRow, 'tier_order'> | null): Program['cashback'] {
  return program.cashback;
}
