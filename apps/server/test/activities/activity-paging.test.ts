import { expect, it } from 'vitest';
import { climb, describeOnStorages } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

/**
 * The activities listing reads each side (ledger, recorded activities) from the page's start with
 * its own type filter and limit, then merges: pages and type filters must still give exactly the
 * full listing, and a re-created customerId must not see its deleted predecessor's entries.
 */
describeOnStorages('activity pages', (server) => {
  const gb = () => server().as(climb);
  const api = () => pointsApi(gb());
  type ActivityType = 'TierUpgraded' | 'PaymentReward' | 'Redemption' | 'Refund';
  const list = async (customerId: string, query: { startAfter?: number; limit?: number; activityType?: ActivityType } = {}) => {
    const { data, error } = await gb().GET('/customers/{customerId}/activities', { params: { path: { customerId }, query } });
    expect(error).toBeUndefined();
    return data!;
  };
  const count = async (customerId: string, activityType?: ActivityType) =>
    (await gb().GET('/customers/{customerId}/activities/count', { params: { path: { customerId }, query: activityType ? { activityType } : {} } })).data!.count;

  it('pages of one activity, of each type, add up to the full listing', async () => {
    const customerId = await api().customer();
    await api().cashback(customerId, 120); // -> Silver
    await api().manual(customerId, 5); // not an activity
    await api().redeem(customerId, { points: 3 });
    await api().cashback(customerId, 400); // -> Gold
    await api().redeem(customerId, { points: 4 });
    const all = (await list(customerId)).activities;
    expect(all.map((a) => a.activityType)).toEqual(['PaymentReward', 'TierUpgraded', 'Redemption', 'PaymentReward', 'TierUpgraded', 'Redemption']);
    expect(await count(customerId)).toBe(6);
    for (const activityType of [undefined, 'TierUpgraded', 'PaymentReward', 'Redemption', 'Refund'] as const) {
      const seen = [];
      let startAfter = 0;
      for (;;) {
        const page = await list(customerId, { startAfter, limit: 1, ...(activityType ? { activityType } : {}) });
        seen.push(...page.activities);
        if (!page.hasMore) break;
        startAfter = page.activities.at(-1)!.activityId;
      }
      const expected = all.filter((a) => activityType === undefined || a.activityType === activityType);
      expect(seen).toEqual(expected);
      expect(await count(customerId, activityType)).toBe(expected.length);
    }
    // startAfter past the last activity, and past any ledger id (up to 2^53 - 1): an empty page.
    expect((await list(customerId, { startAfter: all.at(-1)!.activityId })).activities).toEqual([]);
    expect((await list(customerId, { startAfter: Number.MAX_SAFE_INTEGER })).activities).toEqual([]);
  });

  it('a re-created customerId lists only its own activities, numbered after its own entries', async () => {
    const customerId = await api().customer();
    await api().cashback(customerId, 120);
    await api().redeem(customerId, { points: 3 });
    expect((await gb().DELETE('/customers/{customerId}', { params: { path: { customerId } } })).error).toBeUndefined();
    expect((await gb().POST('/customers', { body: { customerId } })).error).toBeUndefined();
    expect(await count(customerId)).toBe(0);
    expect((await list(customerId)).activities).toEqual([]);
    await api().cashback(customerId, 150); // -> Silver again: recorded after this profile's own entry
    const again = (await list(customerId)).activities;
    expect(again.map((a) => [a.activityType, a.points])).toEqual([['PaymentReward', 150], ['TierUpgraded', 50]]);
    // The first number after this profile's last entry (its tier reward), whatever the old profile wrote.
    expect(again[1]!.activityId).toBeGreaterThan(again[0]!.activityId);
    expect(again[1]!.activityId % 1024).toBe(1);
    expect(await count(customerId, 'Redemption')).toBe(0);
  });
});
