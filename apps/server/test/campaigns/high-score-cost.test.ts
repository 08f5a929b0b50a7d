import { describe, expect, it } from 'vitest';
import { statementCountingServer } from '../support/counting-store.js';
import { shop, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

/** HighScore is checked at the end of every unit of work, so it must cost nothing once passed. */
describe('the HighScore check', () => {
  const counting = statementCountingServer();

  it('costs no statement for a customer already past the target', async () => {
    const api = pointsApi(counting.server().as(shop));
    const [high, low] = [uid('high'), uid('low')];
    await api.cashback(high, 1200); // score 1 (SignUp) + 1200: past the 1000 target (campaign 105)
    await api.cashback(low, 10);
    // The shop's tiers go by money spent on orders, so cashback moves neither customer's tier.
    const past = await counting.statementsOf(() => api.cashback(high, 5));
    const below = await counting.statementsOf(() => api.cashback(low, 5));
    expect(past).toEqual(below);
  });
});
