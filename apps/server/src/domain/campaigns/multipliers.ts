import type { Decimal } from '../shared/decimal.js';
import type { Campaign } from './campaign-config.js';
import type { Program } from '../program/program.js';

/** What an order line carries that a multiplier can select on. */
export interface MultiplierLine {
  sku: string | null;
  collections: readonly string[];
}

/** The active `place_order` points multiplier that applies to a line at `at`, if any (the largest wins). */
export function lineMultiplier(_program: Program, _line: MultiplierLine, _at: string): { campaign: Campaign; factor: Decimal } | null {
  return null; // Filled in by the reward campaigns work (issue 7).
}
