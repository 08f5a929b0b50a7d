import { expect, it } from 'vitest';
import { demo, describeOnStorages, noCashback, referGuest, referOnly, shop } from '../support/harness.js';

describeOnStorages('referral and widget configurations', (server) => {
  it('shows the referral program in the seed shape, its description in the asked language', async () => {
    const { data } = await server().as(shop).GET('/configurations/referrals');
    expect(data).toEqual({
      referralMethod: 'PlayerAndFriend',
      eventName: '',
      eventMetaData: null,
      playerReward: {
        rewardType: 'Score&Points',
        score: 10,
        point: 100,
        voucher: null,
        extraReward: { rewardEvery: 3, rewardType: 'Score&Points', score: 0, point: 50, voucher: null },
      },
      friendReward: { rewardType: 'Score&Points', score: 0, point: 50, voucher: null },
      registrationWindowMinutes: 5,
      description: 'Invite a friend: you both earn once they place their first order',
    });
    const only = await server().as(referOnly).GET('/configurations/referrals', { params: { query: { lang: 'ar' } } });
    expect(only.data).toMatchObject({
      referralMethod: 'PlayerOnly',
      eventName: 'subscribed',
      eventMetaData: [{ key: 'plan', operator: 'equals', value: 'pro,premium' }],
      friendReward: null,
      description: 'ادع صديقا',
    });
    const unknownLanguage = await server().as(referOnly).GET('/configurations/referrals', { params: { query: { lang: 'fr' } } });
    expect(unknownLanguage.data?.description).toBe('Invite a friend to a paid plan');
    const none = await server().as(demo).GET('/configurations/referrals');
    expect(none.response.status).toBe(404);
    expect(none.error).toMatchObject({ code: 4004 });
  });

  it('shows the widget flags, names and colours; features the program lacks read as off', async () => {
    const { data } = await server().as(shop).GET('/configurations/widget');
    expect(data).toEqual({
      gameballEnabled: true,
      redemptionEnabled: true,
      cashbackEnabled: true,
      leaderboardEnabled: true,
      notificationsEnabled: true,
      referralEnabled: true,
      showProfile: true,
      currency: 'USD',
      programName: 'Shop Rewards',
      rankPointsName: 'Score',
      walletPointsName: 'Points',
      botMainColor: '#1F6FEB',
    });
    expect((await server().as(noCashback).GET('/configurations/widget')).data).toMatchObject({ cashbackEnabled: false, referralEnabled: false });
    expect((await server().as(referOnly).GET('/configurations/widget')).data).toMatchObject({ leaderboardEnabled: false, referralEnabled: true });
    const off = (await server().as(referGuest).GET('/configurations/widget')).data!;
    expect(Object.entries(off).filter(([, value]) => value === true)).toEqual([]);
    const noKey = await fetch(`${server().baseUrl}/configurations/widget`);
    expect(noKey.status).toBe(401);
  });
});
