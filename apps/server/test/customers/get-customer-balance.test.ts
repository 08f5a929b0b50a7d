import { expect, it } from 'vitest';
import { describeOnStorages, timed, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

const DAY_MS = 86_400_000;

describeOnStorages('customer balance', (server) => {
  it('shows active, pending and held points with their money value, the next expiry, lifetime earnings and score', async () => {
    // 1 point and 2 score per 1 spent, a point worth 0.05, a 7-day return window, points expire after 30 days.
    const api = pointsApi(server().as(timed));
    const customerId = await api.customer();
    const start = Date.now();
    await api.manual(customerId, 100);
    await api.cashback(customerId, 40);
    expect((await api.hold(customerId, { pointsToHold: 20 })).response.status).toBe(200);
    const balance = await api.balance(customerId);
    expect(balance).toMatchObject({
      totalPointsBalance: 140,
      totalPointsValue: 7,
      availablePointsBalance: 80,
      availablePointsValue: 4,
      pendingPoints: 40,
      pendingPointsValue: 2,
      heldPoints: 20,
      currency: 'USD',
      pointsName: 'Points',
      nextExpiringPointsAmount: 100,
      nextExpiringPointsValue: 5,
      totalEarnedPoints: 140,
      score: { scoreBalance: 80, scoreName: 'Score' },
    });
    const expires = Date.parse(balance.nextExpiringPointsDate!);
    expect(expires).toBeGreaterThanOrEqual(start + 30 * DAY_MS);
    expect(expires).toBeLessThan(Date.now() + 30 * DAY_MS + 1000);
  });

  it('answers 404/7000 for an unknown customer', async () => {
    const { error, response } = await server().client().GET('/customers/{customerId}/balance', { params: { path: { customerId: uid('nobody') } } });
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ code: 7000 });
  });
});
