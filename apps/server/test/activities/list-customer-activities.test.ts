import { expect, it } from 'vitest';
import { climb, describeOnStorages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('customer activities', (server) => {
  const gb = () => server().as(climb);
  const api = () => pointsApi(gb());
  type ActivityType = 'TierUpgraded' | 'PaymentReward' | 'Redemption' | 'Refund' | 'Cancel' | 'CampaignRewarded';
  const list = (customerId: string, query: { startAfter?: number; limit?: number; activityType?: ActivityType } = {}) =>
    gb().GET('/customers/{customerId}/activities', { params: { path: { customerId }, query } });
  const count = (customerId: string, activityType?: ActivityType) =>
    gb().GET('/customers/{customerId}/activities/count', { params: { path: { customerId }, query: activityType ? { activityType } : {} } });

  it('lists ledger activities and tier upgrades in the order they happened, and filters by type', async () => {
    const customerId = await api().customer();
    const payment = uid('pay');
    await api().cashback(customerId, 120, payment); // 120 points -> Silver (+50)
    const redemption = uid('red');
    await api().redeem(customerId, { points: 20 }, redemption);
    await api().refund(customerId, redemption);
    await api().manual(customerId, 5); // manual transactions are not activities
    const pk = await customerPk(customerId);
    const { data, error } = await list(customerId);
    expect(error).toBeUndefined();
    expect(data!.activities.map((a) => [a.activityType, a.points, a.transactionId])).toEqual([
      ['PaymentReward', 120, payment],
      ['TierUpgraded', 50, `tier-12-${pk}-1`],
      ['Redemption', 20, redemption],
      ['Refund', 20, expect.any(String)],
    ]);
    const [reward, upgrade] = data!.activities;
    expect(reward).toMatchObject({ paymentRewardAmount: 120, currency: 'USD', customerId, isManualActivity: false, score: 120 });
    expect(upgrade).toMatchObject({ tierName: 'Silver', score: 5 });
    expect(upgrade!.activityDay).toMatch(/^(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day$/);
    expect(upgrade!.activityDate).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    expect(upgrade!.activityTime).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    const ids = data!.activities.map((a) => a.activityId);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const upgrades = await list(customerId, { activityType: 'TierUpgraded' });
    expect(upgrades.data!.activities.map((a) => a.tierName)).toEqual(['Silver']);
    expect((await count(customerId)).data).toEqual({ count: 4 });
    expect((await count(customerId, 'TierUpgraded')).data).toEqual({ count: 1 });
    expect((await count(customerId, 'Cancel')).data).toEqual({ count: 0 });
  });

  it('pages with startAfter and limit without losing or repeating an activity', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 1000); // three tier upgrades
    for (let i = 0; i < 3; i++) await api().cashback(customerId, 1);
    const all = (await list(customerId)).data!.activities;
    expect(all.map((a) => a.activityType)).toEqual(['TierUpgraded', 'TierUpgraded', 'TierUpgraded', 'PaymentReward', 'PaymentReward', 'PaymentReward']);
    const seen = [];
    let startAfter = 0;
    for (;;) {
      const page = (await list(customerId, { startAfter, limit: 4 })).data!;
      seen.push(...page.activities);
      if (!page.hasMore) break;
      startAfter = page.activities.at(-1)!.activityId;
    }
    expect(seen).toEqual(all);
  });

  it('needs the secret key and a known customer; refuses an unknown type', async () => {
    const customerId = await api().customer();
    const keyOnly = server().client({ apiKey: climb.apiKey });
    expect((await keyOnly.GET('/customers/{customerId}/activities', { params: { path: { customerId } } })).response.status).toBe(401);
    expect((await list(uid('nobody'))).error?.code).toBe(7000);
    const bad = await gb().GET('/customers/{customerId}/activities', {
      params: { path: { customerId }, query: { activityType: 'Nonsense' as ActivityType } },
    });
    expect(bad.response.status).toBeGreaterThanOrEqual(400);
    expect(bad.response.status).toBeLessThan(500);
  });

  async function customerPk(customerId: string): Promise<number> {
    const { data } = await gb().GET('/customers/{customerId}', { params: { path: { customerId } } });
    return Number(data!.gameballId);
  }
});
