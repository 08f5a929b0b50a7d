import { describe, expect, it } from 'vitest';
import { statementCountingServer } from '../support/counting-store.js';
import { climb, demo } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

/** The tier check runs after every points operation, so it must cost nothing when no tier changes. */
describe('tier evaluation cost', () => {
  const counting = statementCountingServer();
  const count = counting.statementsOf;

  it('an operation that changes no tier runs the same statements as on an account without tiers', async () => {
    const tiered = pointsApi(counting.server().as(climb));
    const plain = pointsApi(counting.server().as(demo));
    const [a, b] = [await tiered.customer(), await plain.customer()];
    await tiered.manual(a, 20);
    await plain.manual(b, 20);
    const withTiers = await count(() => tiered.manual(a, 5));
    const withoutTiers = await count(() => plain.manual(b, 5));
    expect(withTiers).toEqual(withoutTiers);
    // Crossing a threshold costs more: the claim, the entry, its lot, the activity, the notification, the tier.
    const crossing = await count(() => tiered.manual(a, 100));
    expect(crossing.length).toBeGreaterThan(withTiers.length);
    expect(crossing.some((s) => s.startsWith('UPDATE customers SET tier_order'))).toBe(true);
  });
});
