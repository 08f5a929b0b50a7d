import { describe, expect, it } from 'vitest';
import { couponShop, timed, serverForTests } from '../support/harness.js';

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

  it('lists the program\'s redemption rules, active and inactive, leaving out what a rule does not set (the public key may read them)', async () => {
    const gb = server().client({ apiKey: couponShop.apiKey });
    const { data } = await gb.GET('/configurations/rewards/redemption');
    expect(data!.redemptionRules.map((r) => [r.id, r.pointsToRedeem, r.ruleType, r.isActive])).toEqual([
      [1, 100, 'percentage_discount_settings', true],
      [2, 50, 'free_shipping_settings', true],
      [3, 40, 'fixed_rate_settings', false],
      [4, 60, 'fixed_rate_settings', true],
      [5, 10, undefined, true],
    ]);
    expect(data!.redemptionRules[0]).toEqual({
      id: 1, pointsToRedeem: 100, valueOfPoint: 0.1, ruleType: 'percentage_discount_settings',
      coupon: {
        couponType: 'percentage_discount', discountValue: 10, collections: [],
        options: { name: '10% off for 100 points', expiryAfter: 14, usageLimit: 1, capping: 50, minOrderValue: 20, codePrefix: 'SAVE10-', redeemInstructions: 'Enter the code at checkout.' },
      },
      image: 'https://cdn.example.com/rewards/save10.png', creationDate: '2024-01-15T09:00:00.000Z', isActive: true,
    });
    expect(data!.redemptionRules[4]).toEqual({
      id: 5, pointsToRedeem: 10, valueOfPoint: 0.1, coupon: { couponType: 'custom', collections: [], options: { name: 'A perk of your own', codePrefix: 'PERK-' } }, isActive: true,
    });
    expect((await gb.GET('/configurations/redemption')).data).toEqual(data);
  });
});

