import type { Unit } from '../points/unit.js';

/**
 * Moves the customer to the highest tier their progress qualifies for, granting each crossed
 * tier's entry reward once and in order. Runs at the end of every unit of work.
 */
export async function evaluateTier(_unit: Unit): Promise<void> {
  // Filled in by the VIP tiers work (issue 7).
}
