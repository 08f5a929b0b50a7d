import { expect, it } from 'vitest';
import { uid } from '../support/harness.js';
import { describeOnStorages } from '../support/harness.js';
import { campaignApi } from '../campaigns/campaign-api.js';

const DAY = 86_400_000;

describeOnStorages('events and event-based campaigns', (server) => {
  const api = campaignApi(server);

  it('an event meeting the conditions earns the campaign reward once per event, at most maxPerDay a day and maxAchievement in all', async () => {
    const customerId = await api.customer();
    const review = { review_submitted: { rating: 5 } };
    await api.sendOk(customerId, review);
    await api.sendOk(customerId, review);
    await api.sendOk(customerId, review); // third today: over the daily cap of 2
    expect(await api.achieved(customerId)).toEqual([102, 102]);
    server().clock.advance(DAY);
    await api.sendOk(customerId, review);
    await api.sendOk(customerId, review); // over maxAchievement 3
    server().clock.advance(DAY);
    await api.sendOk(customerId, review);
    const achievements = (await api.achievements(customerId)).filter((a) => a.campaign === 102);
    expect(achievements.map((a) => [a.points, a.score, a.name])).toEqual([
      [10, 1, 'Review a product'],
      [10, 1, 'Review a product'],
      [10, 1, 'Review a product'],
    ]);
    expect(new Set(achievements.map((a) => a.transactionId)).size).toBe(3);
    const balance = await api.expectConsistent(customerId);
    expect(balance.totalPointsBalance).toBe(25 + 30); // SignUp + three reviews
    expect(balance.score.scoreBalance).toBe(1 + 3);
  });

  it('an event that misses a condition earns nothing (atLeast 4 with a rating of 3, or no rating)', async () => {
    const customerId = await api.customer();
    await api.sendOk(customerId, { review_submitted: { rating: 3 } });
    await api.sendOk(customerId, { review_submitted: {} });
    await api.sendOk(customerId, { review_submitted: { rating: 'great' } });
    expect(await api.achieved(customerId)).toEqual([]);
  });

  it('a number condition takes one plain decimal: "0x10", " 4 ", "1e3" and [1, 5] do not reach atLeast 4; "4.5" does', async () => {
    const customerId = await api.customer();
    for (const rating of ['0x10', ' 4 ', '1e3', '+5', [1, 5], ['5']]) await api.sendOk(customerId, { review_submitted: { rating } });
    expect(await api.achieved(customerId)).toEqual([]);
    await api.sendOk(customerId, { review_submitted: { rating: '4.5' } });
    expect(await api.achieved(customerId)).toEqual([102]);
  });

  it('a customer below minLevel or without the tag earns nothing; with both, the reward', async () => {
    const plain = await api.customer();
    const tagged = await api.customer({ tags: ['VIP'] });
    const upper = await api.customer();
    const both = await api.customer({ tags: 'other, vip' });
    await api.setTier(upper, 2);
    await api.setTier(both, 3);
    for (const id of [plain, tagged, upper, both]) await api.sendOk(id, { vip_lounge_visit: {} });
    expect(await api.achieved(plain)).toEqual([]);
    expect(await api.achieved(tagged)).toEqual([]);
    expect(await api.achieved(upper)).toEqual([]);
    expect(await api.achieved(both)).toEqual([103]);
  });

  it('an opted-out customer earns nothing from events', async () => {
    const customerId = await api.customer();
    await api.optOut(customerId);
    await api.sendOk(customerId, { review_submitted: { rating: 5 } });
    expect(await api.achieved(customerId)).toEqual([]);
  });

  it('events joined by and: each seen once, in separate calls, achieves the campaign', async () => {
    const customerId = await api.customer();
    await api.sendOk(customerId, { profile_completed: {} });
    expect(await api.achieved(customerId)).toEqual([]);
    await api.sendOk(customerId, { profile_completed: {} });
    expect(await api.achieved(customerId)).toEqual([]);
    await api.sendOk(customerId, { newsletter_joined: {} });
    expect(await api.achieved(customerId)).toEqual([150]);
    // Not repeatable: never again.
    await api.sendOk(customerId, { profile_completed: {}, newsletter_joined: {} });
    expect(await api.achieved(customerId)).toEqual([150]);
  });

  it('several events in one call are applied in order; events joined by or achieve on either', async () => {
    const customerId = await api.customer();
    await api.sendOk(customerId, { app_rated: {}, app_shared: {}, review_submitted: { rating: 4 } });
    expect((await api.achieved(customerId)).sort()).toEqual([102, 156, 156]);
  });

  it('history operators keep a running figure: 3 different categories, 100 pages in all, the same store twice', async () => {
    const customerId = await api.customer();
    for (const category of ['shoes', 'Shoes', 'bags']) await api.sendOk(customerId, { product_viewed: { category } });
    expect(await api.achieved(customerId)).toEqual([]);
    await api.sendOk(customerId, { product_viewed: { category: 'hats' } });
    expect(await api.achieved(customerId)).toEqual([151]);
    await api.sendOk(customerId, { book_read: { pages: 60 } });
    expect(await api.achieved(customerId)).toEqual([151]);
    await api.sendOk(customerId, { book_read: { pages: 40 } });
    expect(await api.achieved(customerId)).toEqual([151, 152]);
    await api.sendOk(customerId, { store_visited: { store: 'Cairo' } });
    await api.sendOk(customerId, { store_visited: { store: 'Giza' } });
    expect(await api.achieved(customerId)).toEqual([151, 152]);
    await api.sendOk(customerId, { store_visited: { store: 'cairo' } });
    expect(await api.achieved(customerId)).toEqual([151, 152, 153]);
    await api.expectConsistent(customerId);
  });

  it('a campaign without points or score counts the achievement without a ledger entry', async () => {
    const customerId = await api.customer();
    const before = await api.counts();
    await api.sendOk(customerId, { poll_answered: { answer: 'yes' } });
    expect(await api.achieved(customerId)).toEqual([]);
    const progress = await api.gb().GET('/customers/{customerId}/reward-campaigns-progress', {
      params: { path: { customerId }, query: { campaignId: 157 } },
    });
    expect(progress.data?.[0]).toMatchObject({ rewardsCampaignId: 157, achievedCount: 1, canAchieve: false, completionPercentage: 100 });
    expect((await api.counts()).entries).toBe(before.entries);
  });

  it('creates an unknown customer with the email sent, who also gets the SignUp reward', async () => {
    const customerId = uid('new');
    const { response } = await api.gb().POST('/events', {
      body: { customerId, email: `${customerId}@example.com`, events: { review_submitted: { rating: 4 } } },
    });
    expect(response.status).toBe(200);
    const details = await api.gb().GET('/customers/{customerId}/details', { params: { path: { customerId } } });
    expect(details.data).toMatchObject({ customerId, customerAttributes: { email: `${customerId}@example.com` } });
    expect((await api.achievements(customerId)).map((a) => a.campaign)).toEqual([101, 102]);
    expect((await api.expectConsistent(customerId)).totalPointsBalance).toBe(35);
  });

  it('refuses metadata with a nested object (422, 3003) and writes nothing, not even the customer', async () => {
    const customerId = uid('bad');
    const before = await api.counts();
    const bad = await api.gb().POST('/events', {
      body: { customerId, events: { review_submitted: { rating: 5 }, odd: { nested: { a: 1 } } } } as never,
    });
    expect(bad.response.status).toBe(422);
    expect(bad.error?.code).toBe(3003);
    const listInList = await api.gb().POST('/events', { body: { customerId, events: { odd: { list: [[1]] } } } as never });
    expect(listInList.error?.code).toBe(3003);
    expect(await api.counts()).toEqual(before);
    const lookup = await api.gb().GET('/customers/{customerId}', { params: { path: { customerId } } });
    expect(lookup.response.status).toBe(404);
  });

  it('accepts empty metadata, lists and flags as values', async () => {
    const customerId = await api.customer();
    const { data } = await api.send(customerId, { visit_branch: {}, travel: { destinations: ['Paris', 'Cairo'], tickets: 4, vip: true } });
    expect(data).toEqual({ success: true, message: '2 events recorded.' });
  });
});
