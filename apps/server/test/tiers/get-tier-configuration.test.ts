import { expect, it } from 'vitest';
import { climb, describeOnStorages, shop } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('VIP tier upgrades', (server) => {
  const api = () => pointsApi(server().as(climb));

  it('serves the tiers in the language asked for, with benefits and the tier cashback rule', async () => {
    const gb = server().client({ apiKey: shop.apiKey });
    const ar = await gb.GET('/configurations/tiers', { params: { query: { lang: 'ar' } } });
    expect(ar.error).toBeUndefined();
    expect(ar.data?.map((t) => t.name)).toEqual(['برونزي', 'فضي', 'ذهبي', 'بلاتيني']);
    const en = await gb.GET('/configurations/tiers', { params: { query: { lang: 'fr' } } });
    expect(en.data?.[2]).toEqual({
      order: 3,
      name: 'Gold',
      minProgress: 500,
      icon: 'https://cdn.example.com/tiers/gold.png',
      benefits: { rankReward: 20, walletReward: 200, levelDiscount: 10, discountCapping: 100, others: [] },
      cashback: null,
    });
    expect(en.data?.[3]?.cashback).toEqual({ amountRewardThreshold: 1, rewardWalletFactor: 2, rewardRankFactor: 1 });
  });
});
