import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';
import { campaignApi } from './campaign-api.js';

const DAY = 86_400_000;

describeOnStorages('reward campaigns', (server) => {
  const api = campaignApi(server);

  it('stamps and streaks: steps of an and-campaign; consecutive days with a matching event', async () => {
    const customerId = await api.customer();
    await api.sendOk(customerId, { newsletter_joined: {} });
    const stamps = await api.gb().GET('/customers/{customerId}/stamps/{challengeId}', { params: { path: { customerId, challengeId: 150 } } });
    expect(stamps.data, JSON.stringify(stamps.error)).toMatchObject({ numberOfCompletedSteps: 1, totalSteps: 2, numberOfTimesEarned: 0, canAchieveAgain: true, remainingTries: 1, rewardName: 'Explorer' });
    for (let day = 0; day < 3; day++) {
      await api.sendOk(customerId, { app_rated: {} });
      server().clock.advance(DAY);
    }
    const streak = await api.gb().GET('/customers/{customerId}/streaks/{campaignId}', { params: { path: { customerId, campaignId: 156 } } });
    expect(streak.data).toMatchObject({ currentStreakCount: 3, highestStreakCount: 3, totalRewardsEarned: 3, nextMilestone: 4 });
    server().clock.advance(DAY);
    const broken = await api.gb().GET('/customers/{customerId}/streaks/{campaignId}', { params: { path: { customerId, campaignId: 156 } } });
    expect(broken.data).toMatchObject({ currentStreakCount: 0, highestStreakCount: 3 });
    const unknown = await api.gb().GET('/customers/{customerId}/streaks/{campaignId}', { params: { path: { customerId, campaignId: 106 } } });
    expect([unknown.response.status, unknown.error?.code]).toEqual([404, 4004]);
    const noCustomer = await api.gb().GET('/customers/{customerId}/stamps/{challengeId}', { params: { path: { customerId: uid('ghost'), challengeId: 150 } } });
    expect(noCustomer.response.status).toBe(404);
  });
});
