import { expect, it } from 'vitest';
import type { GameballClient } from '@gameball-open/client';
import { climb, demo, describeOnStorages, scored, shop, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

type Query = {
  from?: string;
  to?: string;
  customerId?: string;
  playerUniqueId?: string;
  customerTag?: string;
  rewardCampaignId?: number;
  limit?: number;
  lang?: string;
};

/** yyyy-MM-dd HH:mm of an instant (UTC), the leaderboard's own format. */
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

describeOnStorages('leaderboard', (server) => {
  const board = (account: { apiKey: string }, query: Query) =>
    server().client({ apiKey: account.apiKey }).GET('/leaderboard', { params: { query } });

  async function tagged(gb: GameballClient, tag: string, displayName: string): Promise<string> {
    const customerId = uid('lb');
    const { error } = await gb.POST('/customers', { body: { customerId, customerAttributes: { displayName, tags: [tag, 'everyone'] } } });
    expect(error).toBeUndefined();
    return customerId;
  }

  it('ranks by points earned; of equal progress the customer who got there first ranks higher', async () => {
    const gb = server().as(demo);
    const api = pointsApi(gb);
    const tag = uid('tag');
    const [ann, bob, cat, dan] = [await tagged(gb, tag, 'Ann'), await tagged(gb, tag, 'Bob'), await tagged(gb, tag, 'Cat'), await tagged(gb, tag, 'Dan')];
    const outsider = await api.customer(); // no tag: never on this board
    await api.manual(outsider, 5000);
    await api.manual(cat, 60);
    await api.manual(ann, 100);
    await api.manual(bob, 300);
    await api.manual(cat, 40); // Cat reaches 100 after Ann did
    const payment = uid('pay');
    await api.cashback(dan, 100, payment); // 30 points
    await api.refund(dan, payment, 50); // Cancel of 15: progress 15
    const { data, error } = await board(demo, { customerTag: tag, customerId: cat });
    expect(error).toBeUndefined();
    expect(data!.leaderboard.map((r) => [r.displayName, r.progress, r.rank])).toEqual([
      ['Bob', 300, 1],
      ['Ann', 100, 2],
      ['Cat', 100, 3],
      ['Dan', 15, 4],
    ]);
    expect(data!.leaderboard[0]).toMatchObject({ customerId: bob, playerUniqueId: bob });
    expect(data!.leaderboard[0]).not.toHaveProperty('tierName'); // no tiers: left out, not null
    expect(data).toMatchObject({ customerRank: 3, customersCount: 4 });
    // The top two only; the customer's own rank and the count still cover everyone.
    const top = await board(demo, { customerTag: tag, playerUniqueId: dan, limit: 2 });
    expect(top.data!.leaderboard.map((r) => r.customerId)).toEqual([bob, ann]);
    expect(top.data).toMatchObject({ customerRank: 4, customersCount: 4 });
    // Without customerId there is no customer rank; without the tag the outsider leads.
    expect((await board(demo, { customerTag: tag })).data).not.toHaveProperty('customerRank');
    const everyone = await board(demo, { customerId: outsider });
    expect(everyone.data!.leaderboard[0]).toMatchObject({ customerId: outsider, progress: 5000, rank: 1 });
    expect(everyone.data!.customerRank).toBe(1);
    expect(everyone.data!.customersCount).toBeGreaterThanOrEqual(5);
  });

  it('counts only what was earned inside the from/to window', async () => {
    const gb = server().as(demo);
    const api = pointsApi(gb);
    const tag = uid('tag');
    const [early, late] = [await tagged(gb, tag, 'Early'), await tagged(gb, tag, 'Late')];
    const t0 = (await api.advance(0)).data!.now;
    await api.manual(early, 100);
    const t1 = (await api.advance(2 * 86_400)).data!.now;
    await api.manual(late, 50);
    await api.manual(early, 10);
    const before = await board(demo, { customerTag: tag, to: minute(new Date(Date.parse(t0) + 3_600_000).toISOString()) });
    expect(before.data!.leaderboard.map((r) => [r.displayName, r.progress])).toEqual([['Early', 100]]);
    const after = await board(demo, { customerTag: tag, from: minute(new Date(Date.parse(t1) - 3_600_000).toISOString()), customerId: early });
    expect(after.data!.leaderboard.map((r) => [r.displayName, r.progress, r.rank])).toEqual([
      ['Late', 50, 1],
      ['Early', 10, 2],
    ]);
    expect(after.data).toMatchObject({ customerRank: 2, customersCount: 2 });
    const all = await board(demo, { customerTag: tag });
    expect(all.data!.leaderboard.map((r) => [r.displayName, r.progress])).toEqual([['Early', 110], ['Late', 50]]);
    const empty = await board(demo, { customerTag: tag, from: minute(t1), to: minute(t0) });
    expect(empty.error?.code).toBe(3003);
    expect((await board(demo, { from: '2024-02-30 10:00' })).error?.code).toBe(3003);
    expect((await board(demo, { from: 'yesterday' })).error?.code).toBe(3003);
  });

  it('shows each customer\'s tier in the language asked for, and counts entry rewards as earned points', async () => {
    const gb = server().as(climb);
    const tag = uid('tag');
    const customerId = await tagged(gb, tag, 'Climber');
    await pointsApi(gb).manual(customerId, 150); // Silver: +50
    const en = await board(climb, { customerTag: tag });
    expect(en.data!.leaderboard).toEqual([
      {
        displayName: 'Climber', customerId, playerUniqueId: customerId, progress: 200, rank: 1,
        tierName: 'Silver', tierIcon: 'https://cdn.example.com/climb/silver.png',
        levelName: 'Silver', levelIcon: 'https://cdn.example.com/climb/silver.png',
      },
    ]);
    expect((await board(climb, { customerTag: tag, lang: 'ar' })).data!.leaderboard[0]!.tierName).toBe('فضي');
    // Only campaign achievements count under rewardCampaignId: none here.
    expect((await board(climb, { customerTag: tag, rewardCampaignId: 101 })).data).toEqual({ leaderboard: [], customersCount: 0 });
  });

  it('ranks by score when the account\'s tiers go by score', async () => {
    const gb = server().as(scored);
    const api = pointsApi(gb);
    const tag = uid('tag');
    const [payer, gifted] = [await tagged(gb, tag, 'Payer'), await tagged(gb, tag, 'Gifted')];
    await api.cashback(payer, 10); // 10 points, 20 score
    await api.manual(gifted, 100); // 100 points, no score
    const { data } = await board(scored, { customerTag: tag, customerId: gifted });
    expect(data).toEqual({
      leaderboard: [{ displayName: 'Payer', customerId: payer, playerUniqueId: payer, progress: 20, rank: 1, tierName: 'Rookie', levelName: 'Rookie' }],
      customersCount: 1, // no customerRank for a customer without progress, no icon for a tier without one
    });
  });
});

describeOnStorages('leaderboard by campaign', (server) => {
  it('counts only the named campaign\'s rewards under rewardCampaignId, and campaigns for a tag under rewardCampaignTag', async () => {
    const gb = server().as(shop);
    const tag = uid('tag');
    const [ann, bob] = [uid('lb'), uid('lb')];
    for (const [customerId, displayName] of [[ann, 'Ann'], [bob, 'Bob']] as const) {
      await gb.POST('/customers', { body: { customerId, customerAttributes: { displayName, tags: [tag, 'vip'] } } });
    }
    const review = (customerId: string) => gb.POST('/events', { body: { customerId, events: { review_submitted: { rating: 5 } } } });
    // Ann: two reviews (campaign 102, 10 points each); Bob: one review and a large cashback.
    expect((await review(ann)).response.status).toBe(200);
    expect((await review(ann)).response.status).toBe(200);
    expect((await review(bob)).response.status).toBe(200);
    await pointsApi(gb).cashback(bob, 500);
    const byCampaign = await gb.GET('/leaderboard', { params: { query: { customerTag: tag, rewardCampaignId: 102, customerId: bob } } });
    expect(byCampaign.data!.leaderboard.map((row) => [row.customerId, row.progress, row.rank])).toEqual([[ann, 20, 1], [bob, 10, 2]]);
    expect([byCampaign.data!.customerRank, byCampaign.data!.customersCount]).toEqual([2, 2]);
    // Everything earned: Bob's cashback puts him first.
    const all = await gb.GET('/leaderboard', { params: { query: { customerTag: tag } } });
    expect(all.data!.leaderboard[0]!.customerId).toBe(bob);
    // Campaign 103 is the only one for the `vip` tag, and neither customer achieved it.
    const byTag = await gb.GET('/leaderboard', { params: { query: { customerTag: tag, rewardCampaignTag: 'vip' } } });
    expect(byTag.data!.leaderboard).toEqual([]);
  });
});
