import { describe, expect, it } from 'vitest';
import { timed, serverForTests } from '../support/harness.js';

describe('program configuration, customer view and the test clock', () => {
  const server = serverForTests('sqlite');

  it('serves the redemption settings of each account', async () => {
    const gb = server().client({ apiKey: timed.apiKey });
    const current = await gb.GET('/configurations/rewards/redemption');
    const older = await gb.GET('/configurations/redemption');
    expect(current.data).toEqual({
      redemptionFactor: 0.05,
      minRedeemPoints: 5,
      currency: 'USD',
      holdMinutes: 2,
      pointsExpiry: { after: 30, unit: 'days' },
      otpRequired: false,
      hashRequired: false,
      redemptionRules: [],
    });
    expect(older.data).toEqual(current.data);
  });
});
