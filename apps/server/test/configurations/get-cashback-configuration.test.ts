import { describe, expect, it } from 'vitest';
import { demo, serverForTests } from '../support/harness.js';

describe('program configuration, customer view and the test clock', () => {
  const server = serverForTests('sqlite');

  it('serves the cashback rule on the current and the older path, with the apikey alone', async () => {
    const gb = server().client({ apiKey: demo.apiKey });
    const current = await gb.GET('/configurations/rewards/cashback');
    const older = await gb.GET('/configurations/cashback');
    const expected = { rewardFactor: 0.03, amountRewardThreshold: 10, rewardWalletFactor: 3, rewardRankFactor: 1, enabled: true, returnWindow: 0 };
    expect(current.data).toEqual(expected);
    expect(older.data).toEqual(expected);
  });
});
