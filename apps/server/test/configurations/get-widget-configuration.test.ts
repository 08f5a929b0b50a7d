import { expect, it } from 'vitest';
import { describeOnStorages, noCashback, referGuest, referOnly, shop } from '../support/harness.js';

describeOnStorages('referral and widget configurations', (server) => {
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
