import { expect, it } from 'vitest';
import { describeOnStorages, shop, uid } from '../support/harness.js';
import { campaignApi } from './campaign-api.js';

describeOnStorages('reward campaigns', (server) => {
  const api = campaignApi(server);

  it('configuration listing: visible running campaigns; achievable ones for a customer; multipliers for a collection or SKU', async () => {
    const list = await server().client({ apiKey: shop.apiKey }).GET('/configurations/reward-campaigns', { params: { query: { lang: 'ar' } } });
    const ids = list.data!.map((c) => c.id);
    expect(ids).toContain(102);
    expect(ids).not.toContain(158);
    expect(ids).not.toContain(159);
    expect(list.data!.find((c) => c.id === 101)).toMatchObject({ name: 'أهلا بك', walletReward: 25, repeatable: false, maxAchievement: 1, type: 'SignUp' });
    expect(list.data!.find((c) => c.id === 103)).toMatchObject({ availability: { minLevel: 2, minTier: 2, tags: ['vip'] } });
    const customerId = await api.customer();
    const mine = await api.gb().GET('/configurations/reward-campaigns', { params: { query: { customerId } } });
    const achievable = mine.data!.map((c) => c.id);
    expect(achievable).toContain(102);
    expect(achievable).not.toContain(101); // achieved on sign-up
    expect(achievable).not.toContain(103); // closed
    const summer = await api.gb().GET('/configurations/reward-campaigns', { params: { query: { collectionId: 'summer' } } });
    expect(summer.data!.map((c) => c.id)).toEqual([104]);
    const winter = await api.gb().GET('/configurations/reward-campaigns', { params: { query: { collectionId: 'winter' } } });
    expect(winter.data).toEqual([]);
    const ghost = await api.gb().GET('/configurations/reward-campaigns', { params: { query: { customerId: uid('ghost') } } });
    expect(ghost.response.status).toBe(404);
  });
});
