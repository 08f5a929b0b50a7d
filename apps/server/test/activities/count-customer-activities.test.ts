import { expect, it } from 'vitest';
import { climb, describeOnStorages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('counting customer activities', (server) => {
  const gb = () => server().as(climb);
  const count = async (customerId: string, activityType?: 'TierUpgraded' | 'PaymentReward' | 'Redemption') =>
    (await gb().GET('/customers/{customerId}/activities/count', { params: { path: { customerId }, query: activityType ? { activityType } : {} } })).data!.count;

  it('counts what the listing lists, in all and by type; points added by hand are no activity of their own', async () => {
    const api = pointsApi(gb());
    const customerId = await api.customer();
    await api.manual(customerId, 1000); // Silver, Gold and Platinum
    expect([await count(customerId), await count(customerId, 'TierUpgraded'), await count(customerId, 'PaymentReward')]).toEqual([3, 3, 0]);
    await api.cashback(customerId, 10);
    await api.redeem(customerId, { points: 5 });
    expect([await count(customerId), await count(customerId, 'PaymentReward'), await count(customerId, 'Redemption')]).toEqual([5, 1, 1]);
    const listed = await gb().GET('/customers/{customerId}/activities', { params: { path: { customerId } } });
    expect(listed.data!.activities).toHaveLength(5);
    const unknown = await gb().GET('/customers/{customerId}/activities/count', { params: { path: { customerId: uid('nobody') } } });
    expect(unknown.error).toMatchObject({ code: 7000 });
  });
});
