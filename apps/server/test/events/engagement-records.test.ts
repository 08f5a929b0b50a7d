import { expect, it } from 'vitest';
import { describeOnStorages } from '../support/harness.js';
import { campaignApi } from '../campaigns/campaign-api.js';

describeOnStorages('what campaigns leave in activities and notifications', (server) => {
  const api = campaignApi(server);
  const activities = async (customerId: string) => {
    const { data, error } = await api.gb().GET('/customers/{customerId}/activities', { params: { path: { customerId } } });
    expect(error).toBeUndefined();
    return data!.activities.map((a) => [a.activityType, a.campaignName, a.points]);
  };

  it('progress is a SuccessfulAction; an achievement is one CampaignRewarded (with or without points) and a notification', async () => {
    const customerId = await api.customer();
    await api.sendOk(customerId, { profile_completed: {} });
    await api.sendOk(customerId, { newsletter_joined: {} });
    await api.sendOk(customerId, { poll_answered: {} });
    expect(await activities(customerId)).toEqual([
      ['CampaignRewarded', 'Welcome aboard', 25],
      ['SuccessfulAction', 'Explorer', null],
      ['CampaignRewarded', 'Explorer', 20],
      ['CampaignRewarded', 'Poll taker', 0],
    ]);
    const { data } = await api.gb().GET('/customers/{customerId}/notifications', { params: { path: { customerId }, query: { lang: 'ar' } } });
    expect(data!.notifications.map((n) => n.body)).toEqual([
      'أكملت أهلا بك وربحت 25 Points.',
      'أكملت Explorer وربحت 20 Points.',
      'أكملت Poll taker وربحت 0 Points.',
    ]);
  });
});
