import { expect, it } from 'vitest';
import { describeOnStorages, shop, uid } from '../support/harness.js';

/**
 * The apikey ships in shops' pages, so anyone can create a customer and send events with it. On
 * PostgreSQL those units now reserve ledger ids ahead and send their rewards' writes without
 * waiting; what such a caller can earn must stay what the program allows, and what it can read
 * stays the customer's public side.
 */
describeOnStorages('rewards earned with the public apikey only', (server) => {
  it('earn the SignUp reward once and a review campaign at most its maxPerDay (2), and read no ledger', async () => {
    const publicKeyOnly = server().client({ apiKey: shop.apiKey });
    const customerId = uid('pub');
    expect((await publicKeyOnly.POST('/customers', { body: { customerId } })).error).toBeUndefined();
    // Sent again: the profile exists, no second SignUp reward.
    expect((await publicKeyOnly.POST('/customers', { body: { customerId } })).error).toBeUndefined();
    for (let n = 0; n < 4; n++) {
      const sent = await publicKeyOnly.POST('/events', { body: { customerId, events: { review_submitted: { rating: 5, product_id: `p${n}` } } } });
      expect(sent.error).toBeUndefined();
    }
    const backend = server().as(shop);
    const balance = await backend.GET('/customers/{customerId}/balance', { params: { path: { customerId } } });
    expect(balance.data?.totalPointsBalance).toBe(25 + 10 + 10);
    const ledger = await backend.GET('/transactions', { params: { query: { customerId } } });
    const entries = ledger.data!.transactions;
    expect(entries.map((t) => [t.type, t.points])).toEqual([['AchievementReward', 25], ['AchievementReward', 10], ['AchievementReward', 10]]);
    const ids = entries.map((t) => Number(t.gameballTransactionId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // The notifications of what was earned are on the customer's public side; the ledger is not.
    const notifications = await publicKeyOnly.GET('/customers/{customerId}/notifications', { params: { path: { customerId } } });
    expect(notifications.error).toBeUndefined();
    expect(notifications.data?.count).toBe(3);
    const refused = await publicKeyOnly.GET('/transactions', { params: { query: { customerId } } });
    expect(refused.response.status).toBe(401);
    expect((refused.error as { code?: number }).code).toBe(1001);
  });
});
