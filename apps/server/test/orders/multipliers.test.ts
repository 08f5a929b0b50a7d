import { expect, it, vi } from 'vitest';
import type { Campaign } from '../../src/domain/campaigns/campaign-config.js';
import { parseDecimal } from '../../src/domain/shared/decimal.js';
import { describeOnStorages, nowIso, shopNet, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

// The orders' side of campaign multipliers, whatever the campaigns say: a 2x multiplier on the
// `summer` collection (campaign 900), as lineMultiplier would answer for a running campaign.
vi.mock('../../src/domain/campaigns/multipliers.js', () => ({
  lineMultiplier: (_program: unknown, _customer: unknown, line: { collections: readonly string[] }) =>
    line.collections.includes('summer')
      ? { campaign: { id: 900, name: { en: 'Summer x2' }, activation: { startDate: null, endDate: '2030-01-01T00:00:00.000Z' } } as unknown as Campaign, factor: parseDecimal('2') }
      : null,
}));

describeOnStorages('campaign multipliers on order lines', (server) => {
  const order = {
    totalPaid: 250,
    totalDiscount: 0,
    totalShipping: 20,
    totalTax: 30,
    lineItems: [
      { productId: 'A', price: 120, quantity: 1, taxes: 18 },
      { productId: 'B', price: 40, quantity: 2, taxes: 12, collection: ['summer'] },
    ],
  };

  it('doubles the matching line after its base points (the worked example of §3.2: 140 points)', async () => {
    const gb = server().as(shopNet); // 5 points per 10, net of tax and shipping
    const quote = await gb.POST('/orders/cashback', { body: order });
    expect(quote.data?.totalPoints).toBe(140);
    expect(quote.data?.lineItems[1]).toEqual({
      productId: 'B',
      quantity: 2,
      totalDecimalPoints: 80,
      totalPoints: 80,
      totalScore: 8,
      rewardWalletFactor: 0.5,
      campaignId: 900,
      campaignName: 'Summer x2',
      campaignEndDate: '2030-01-01T00:00:00.000Z',
      campaignImpactWalletFactor: 2,
      campaignImpactPoints: 40,
    });
    expect(quote.data?.lineItems[0]).toMatchObject({ totalPoints: 60, campaignId: null, campaignImpactWalletFactor: 1, campaignImpactPoints: 0 });
    const customerId = uid('cust');
    const { data } = await gb.POST('/orders', { body: { customerId, orderId: uid('ord'), orderDate: nowIso(), ...order } });
    expect(data).toMatchObject({ rewardedPoints: 140, lineItems: [{ points: 60 }, { points: 80, decimalPoints: 80 }] });
    expect((await pointsApi(gb).balance(customerId)).totalPointsBalance).toBe(140);
  });

  it('rounds each line down after the multiplier', async () => {
    const gb = server().as(shopNet);
    const { data } = await gb.POST('/orders/cashback', {
      body: { totalPaid: 30.99, totalDiscount: 0, totalShipping: 0, lineItems: [{ productId: 'S', price: 30.99, quantity: 1, collection: ['summer'] }] },
    });
    // 30.99 x 5 / 10 = 15.495 -> base 15; x2 = 30.99 -> 30, of which the campaign adds 15.
    expect(data?.lineItems[0]).toMatchObject({ totalDecimalPoints: 30.99, totalPoints: 30, campaignImpactPoints: 15 });
  });
});
