import { expect, it } from 'vitest';
import { demo, describeOnStorages, referOnly, shop } from '../support/harness.js';

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
});
