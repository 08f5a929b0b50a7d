import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';
import { campaignApi } from './campaign-api.js';

const DAY = 86_400_000;

describeOnStorages('campaign streaks', (server) => {
  const api = campaignApi(server);
  const streakOf = (customerId: string, campaignId: number) =>
    api.gb().GET('/customers/{customerId}/streaks/{campaignId}', { params: { path: { customerId, campaignId } } });

  it('counts each UTC day with a matching event once, however many events it had', async () => {
    const customerId = await api.customer();
    await api.sendOk(customerId, { app_rated: {} });
    await api.sendOk(customerId, { app_rated: {} });
    expect((await streakOf(customerId, 156)).data).toMatchObject({ currentStreakCount: 1, highestStreakCount: 1, nextMilestone: 2 });
    server().clock.advance(DAY);
    await api.sendOk(customerId, { app_rated: {} });
    expect((await streakOf(customerId, 156)).data).toMatchObject({ currentStreakCount: 2, highestStreakCount: 2, nextMilestone: 3 });
  });

  it('answers 404 for a campaign that is not event-based (4004) and for an unknown customer (7000)', async () => {
    const customerId = await api.customer();
    const signUp = await streakOf(customerId, 101);
    expect([signUp.response.status, signUp.error?.code]).toEqual([404, 4004]);
    const nobody = await streakOf(uid('ghost'), 156);
    expect([nobody.response.status, nobody.error?.code]).toEqual([404, 7000]);
  });
});
