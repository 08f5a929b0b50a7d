import { expect, it } from 'vitest';
import { describeOnStorages, shop, uid } from '../support/harness.js';
import { campaignApi } from './campaign-api.js';

const DAY = 86_400_000;

describeOnStorages('reward campaigns', (server) => {
  const api = campaignApi(server);
  const progressOf = (customerId: string, query: { campaignId?: number; campaignType?: 'reward' | 'game' } = {}) =>
    api.gb().GET('/customers/{customerId}/reward-campaigns-progress', { params: { path: { customerId }, query } });

  it('SignUp: a new customer gets the reward once, whichever way they were created', async () => {
    const viaUpsert = await api.customer();
    await api.gb().POST('/customers', { body: { customerId: viaUpsert, customerAttributes: { displayName: 'again' } } });
    const viaEvent = uid('evt');
    await api.sendOk(viaEvent, { nothing_special: {} });
    await api.sendOk(viaEvent, { nothing_special: {} });
    const viaCashback = uid('pay');
    await api.points().cashback(viaCashback, 10);
    for (const id of [viaUpsert, viaEvent, viaCashback]) {
      const signUps = (await api.achievements(id)).filter((a) => a.campaign === 101);
      expect(signUps.map((a) => [a.points, a.score, a.name])).toEqual([[25, 1, 'Welcome aboard']]);
      await api.expectConsistent(id);
    }
    expect((await api.points().balance(viaUpsert)).totalPointsBalance).toBe(25);
  });

  it('social challenge: 202 with the request echoed and awarded; a repeat within a minute is 400 (4000); awarded once (not repeatable)', async () => {
    const customerId = await api.customer();
    const first = await api.gb().POST('/customers/social-challenges', { body: { customerId, challengeId: 106 } });
    expect(first.response.status).toBe(202);
    expect(first.data).toEqual({ customerId, challengeId: 106 });
    expect(await api.achieved(customerId)).toEqual([106]);
    const twice = await api.gb().POST('/customers/social-challenges', { body: { customerId, challengeId: 106 } });
    expect([twice.response.status, twice.error?.code]).toEqual([400, 4000]);
    server().clock.advance(61_000);
    const later = await api.gb().POST('/customers/social-challenges', { body: { customerId, challengeId: 106 } });
    expect(later.response.status).toBe(202);
    expect(await api.achieved(customerId)).toEqual([106]);
    expect((await api.expectConsistent(customerId)).totalPointsBalance).toBe(25 + 15);
  });

  it('social challenge: unknown customer or a campaign that is not SocialMedia is 404 (4004), and nobody is created', async () => {
    const ghost = uid('ghost');
    const unknown = await api.gb().POST('/customers/social-challenges', { body: { customerId: ghost, challengeId: 106 } });
    expect([unknown.response.status, unknown.error?.code]).toEqual([404, 4004]);
    expect((await api.gb().GET('/customers/{customerId}', { params: { path: { customerId: ghost } } })).response.status).toBe(404);
    const customerId = await api.customer();
    const notSocial = await api.gb().POST('/customers/social-challenges', { body: { customerId, challengeId: 102 } });
    expect([notSocial.response.status, notSocial.error?.code]).toEqual([404, 4004]);
    const noSecret = await server().client({ apiKey: shop.apiKey }).POST('/customers/social-challenges', { body: { customerId, challengeId: 106 } });
    expect(noSecret.response.status).toBe(401);
  });

  it('HighScore: achieved once when the score reaches the target', async () => {
    const customerId = await api.customer(); // score 1 from SignUp
    await api.points().cashback(customerId, 998); // score 999
    expect(await api.achieved(customerId)).toEqual([]);
    await api.points().cashback(customerId, 1); // score 1000
    await api.points().cashback(customerId, 5);
    expect(await api.achieved(customerId)).toEqual([105]);
    await api.expectConsistent(customerId);
  });

  it('progress: completion, achieved count, unlocked and achievable per campaign; hidden ones left out', async () => {
    const customerId = await api.customer();
    await api.sendOk(customerId, { profile_completed: {}, book_read: { pages: 25 }, review_submitted: { rating: 5 } });
    const { data, response, error } = await progressOf(customerId);
    expect(response.status, JSON.stringify(error)).toBe(200);
    const byId = new Map(data!.map((p) => [p.rewardsCampaignId, p]));
    expect(byId.get(150)).toMatchObject({ completionPercentage: 50, achievedCount: 0, canAchieve: true, isUnlocked: true });
    expect(byId.get(152)).toMatchObject({ completionPercentage: 25 });
    expect(byId.get(102)).toMatchObject({ achievedCount: 1, canAchieve: true, currentStreak: 1, highestStreak: 1 });
    expect(byId.get(101)).toMatchObject({ achievedCount: 1, canAchieve: false, completionPercentage: 100 });
    expect(byId.get(103)).toMatchObject({ isUnlocked: false, canAchieve: false });
    expect(byId.get(105)).toMatchObject({ highScoreAmount: 1000, completionPercentage: 0 });
    expect(byId.get(102)!.rewardCampaignConfiguration).toMatchObject({ id: 102, repeatable: true, maxAchievement: 3, maxPerDay: 2, walletReward: 10 });
    expect(byId.has(107)).toBe(false); // VisibleIfEarned, not earned
    expect(byId.has(158)).toBe(false); // expired
    expect(byId.has(159)).toBe(false); // NotVisible
  });

  it('progress filters: campaignId (unknown, hidden or closed gives []), campaignType game gives [], campaignId 0 is 422 (3003), unknown customer 404', async () => {
    const customerId = await api.customer();
    expect((await progressOf(customerId, { campaignId: 150 })).data!.map((p) => p.rewardsCampaignId)).toEqual([150]);
    for (const campaignId of [9999, 159, 103]) expect((await progressOf(customerId, { campaignId })).data).toEqual([]);
    expect((await progressOf(customerId, { campaignType: 'game' })).data).toEqual([]);
    const zero = await progressOf(customerId, { campaignId: 0 });
    expect([zero.response.status, zero.error?.code]).toEqual([422, 3003]);
    expect((await progressOf(uid('ghost'))).response.status).toBe(404);
  });

  it('stamps and streaks: steps of an and-campaign; consecutive days with a matching event', async () => {
    const customerId = await api.customer();
    await api.sendOk(customerId, { newsletter_joined: {} });
    const stamps = await api.gb().GET('/customers/{customerId}/stamps/{challengeId}', { params: { path: { customerId, challengeId: 150 } } });
    expect(stamps.data, JSON.stringify(stamps.error)).toMatchObject({ numberOfCompletedSteps: 1, totalSteps: 2, numberOfTimesEarned: 0, canAchieveAgain: true, remainingTries: 1, rewardName: 'Explorer' });
    for (let day = 0; day < 3; day++) {
      await api.sendOk(customerId, { app_rated: {} });
      server().clock.advance(DAY);
    }
    const streak = await api.gb().GET('/customers/{customerId}/streaks/{campaignId}', { params: { path: { customerId, campaignId: 156 } } });
    expect(streak.data).toMatchObject({ currentStreakCount: 3, highestStreakCount: 3, totalRewardsEarned: 3, nextMilestone: 4 });
    server().clock.advance(DAY);
    const broken = await api.gb().GET('/customers/{customerId}/streaks/{campaignId}', { params: { path: { customerId, campaignId: 156 } } });
    expect(broken.data).toMatchObject({ currentStreakCount: 0, highestStreakCount: 3 });
    const unknown = await api.gb().GET('/customers/{customerId}/streaks/{campaignId}', { params: { path: { customerId, campaignId: 106 } } });
    expect([unknown.response.status, unknown.error?.code]).toEqual([404, 4004]);
    const noCustomer = await api.gb().GET('/customers/{customerId}/stamps/{challengeId}', { params: { path: { customerId: uid('ghost'), challengeId: 150 } } });
    expect(noCustomer.response.status).toBe(404);
  });

  it('automation: missions are and-campaigns of several events, one step each', async () => {
    const customerId = await api.customer();
    await api.sendOk(customerId, { profile_completed: {} });
    const { data } = await api.gb().GET('/customers/{customerId}/automation', { params: { path: { customerId } } });
    expect(data).toEqual({
      campaigns: [
        {
          campaignId: 150,
          campaignName: 'Explorer',
          automation: [
            { order: 1, name: 'profile_completed', isUnlocked: true, completed: true, steps: null, completionPercentage: 100 },
            { order: 2, name: 'newsletter_joined', isUnlocked: true, completed: false, steps: null, completionPercentage: 0 },
          ],
          automationCount: 2,
        },
      ],
      count: 1,
    });
    const all = await api.gb().GET('/customers/{customerId}/automation', { params: { path: { customerId }, query: { campaignType: 'all' } } });
    expect(all.data!.count).toBeGreaterThan(5);
  });

  it('configuration listing: visible running campaigns; achievable ones for a customer; multipliers for a collection or SKU', async () => {
    const list = await server().client({ apiKey: shop.apiKey }).GET('/configurations/reward-campaigns', { params: { query: { lang: 'ar' } } });
    const ids = list.data!.map((c) => c.id);
    expect(ids).toContain(102);
    expect(ids).not.toContain(158);
    expect(ids).not.toContain(159);
    expect(list.data!.find((c) => c.id === 101)).toMatchObject({ name: 'أهلا بك', walletReward: 25, repeatable: false, maxAchievement: 1, type: 'SignUp' });
    expect(list.data!.find((c) => c.id === 103)).toMatchObject({ availability: { minLevel: 2, minTier: 2, tags: ['vip'] } });
    const customerId = await api.customer();
    const mine = await api.gb().GET('/configurations/reward-campaigns', { params: { query: { customerId } } });
    const achievable = mine.data!.map((c) => c.id);
    expect(achievable).toContain(102);
    expect(achievable).not.toContain(101); // achieved on sign-up
    expect(achievable).not.toContain(103); // closed
    const summer = await api.gb().GET('/configurations/reward-campaigns', { params: { query: { collectionId: 'summer' } } });
    expect(summer.data!.map((c) => c.id)).toEqual([104]);
    const winter = await api.gb().GET('/configurations/reward-campaigns', { params: { query: { collectionId: 'winter' } } });
    expect(winter.data).toEqual([]);
    const ghost = await api.gb().GET('/configurations/reward-campaigns', { params: { query: { customerId: uid('ghost') } } });
    expect(ghost.response.status).toBe(404);
  });
});
