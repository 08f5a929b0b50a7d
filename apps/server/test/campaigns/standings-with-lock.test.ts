import { expect, it } from 'vitest';
import { describeOnStorages, shop, uid } from '../support/harness.js';

/**
 * Orders and events read the customer's campaign standings right behind the lock, by the ID the
 * request names. When that ID belongs to nobody yet and the request joins it to a known profile
 * (channel merging, shop: by email), what was read is not the profile's: the campaigns must read
 * the profile's own standings, or its limits would start over for each new ID.
 */
describeOnStorages('campaign standings read with the lock', (server) => {
  it('a new ID joined to a profile by email counts toward the review campaign limit of that profile (maxPerDay 2)', async () => {
    // Events need only the public apikey: anyone can make up new IDs with a known email.
    const publicKeyOnly = server().client({ apiKey: shop.apiKey });
    const shopClient = server().as(shop);
    const email = `${uid('limit')}@example.com`;
    const web = uid('web');
    const review = (customerId: string, n: number) =>
      publicKeyOnly.POST('/events', { body: { customerId, email, events: { review_submitted: { rating: 5, product_id: `p${n}` } } } });
    // The profile: its SignUp reward and two reviews rewarded, the day's limit.
    expect((await review(web, 1)).error).toBeUndefined();
    expect((await review(web, 2)).error).toBeUndefined();
    // Each call with a new ID and the same email joins that profile, and earns nothing more today.
    for (let n = 3; n <= 5; n++) expect((await review(uid('app'), n)).error).toBeUndefined();
    const balance = await shopClient.GET('/customers/{customerId}/balance', { params: { path: { customerId: web } } });
    expect(balance.data?.totalPointsBalance).toBe(25 + 10 + 10);
    const ledger = await shopClient.GET('/transactions', { params: { query: { customerId: web } } });
    expect(ledger.data!.transactions.map((t) => t.points)).toEqual([25, 10, 10]);
  });
});
