import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';
import { campaignApi } from './campaign-api.js';

describeOnStorages('reward campaigns', (server) => {
  const api = campaignApi(server);
  const progressOf = (customerId: string, query: { campaignId?: number; campaignType?: 'reward' | 'game' } = {}) =>
    api.gb().GET('/customers/{customerId}/reward-campaigns-progress', { params: { path: { customerId }, query } });

  it('progress: completion, achieved count, unlocked and achievable per campaign; hidden ones left out', async () => {
    const customerId = await api.customer();
    await api.sendOk(customerId, { profile_completed: {}, book_read: { pages: 25 }, review_submitted: { rating: 5 } });
    const { data, response, error } = await progressOf(customerId);
    expect(response.status, JSON.stringify(error)).toBe(200);
    const byId = new Map(data!.map((p) => [p.rewardsCampaignId, p]));
    expect(byId.get(150)).toMatchObject({ completionPercentage: 50, achievedCount: 0, canAchieve: true, isUnlocked: true });
    expect(byId.get(152)).toMatchObject({ completionPercentage: 25 });
    expect(byId.get(102)).toMatchObject({ achievedCount: 1, canAchieve: true, currentStreak: 1, highestStreak: 1 });
    expect(byId.get(101)).toMatchObject({ achievedCount: 1, canAchieve: false, completionPercentage: 100 });
    expect(byId.get(103)).toMatchObject({ isUnlocked: false, canAchieve: false });
    expect(byId.get(105)).toMatchObject({ highScoreAmount: 1000, completionPercentage: 0 });
    expect(byId.get(102)!.rewardCampaignConfiguration).toMatchObject({ id: 102, repeatable: true, maxAchievement: 3, maxPerDay: 2, walletReward: 10 });
    expect(byId.has(107)).toBe(false); // VisibleIfEarned, not earned
    expect(byId.has(158)).toBe(false); // expired
    expect(byId.has(159)).toBe(false); // NotVisible
  });

  it('progress filters: campaignId (unknown, hidden or closed gives []), campaignType game gives [], campaignId 0 is 422 (3003), unknown customer 404', async () => {
    const customerId = await api.customer();
    expect((await progressOf(customerId, { campaignId: 150 })).data!.map((p) => p.rewardsCampaignId)).toEqual([150]);
    for (const campaignId of [9999, 159, 103]) expect((await progressOf(customerId, { campaignId })).data).toEqual([]);
    expect((await progressOf(customerId, { campaignType: 'game' })).data).toEqual([]);
    const zero = await progressOf(customerId, { campaignId: 0 });
    expect([zero.response.status, zero.error?.code]).toEqual([422, 3003]);
    expect((await progressOf(uid('ghost'))).response.status).toBe(404);
  });
});
