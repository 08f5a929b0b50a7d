import { expect, it } from 'vitest';
import { describeOnStorages } from '../support/harness.js';
import { campaignApi } from './campaign-api.js';

describeOnStorages('reward campaigns', (server) => {
  const api = campaignApi(server);

  it('automation: missions are and-campaigns of several events, one step each', async () => {
    const customerId = await api.customer();
    await api.sendOk(customerId, { profile_completed: {} });
    const { data } = await api.gb().GET('/customers/{customerId}/automation', { params: { path: { customerId } } });
    expect(data).toEqual({
      campaigns: [
        {
          campaignId: 150,
          campaignName: 'Explorer',
          automation: [
            { order: 1, name: 'profile_completed', isUnlocked: true, completed: true, steps: null, completionPercentage: 100 },
            { order: 2, name: 'newsletter_joined', isUnlocked: true, completed: false, steps: null, completionPercentage: 0 },
          ],
          automationCount: 2,
        },
      ],
      count: 1,
    });
    const all = await api.gb().GET('/customers/{customerId}/automation', { params: { path: { customerId }, query: { campaignType: 'all' } } });
    expect(all.data!.count).toBeGreaterThan(5);
  });
});
