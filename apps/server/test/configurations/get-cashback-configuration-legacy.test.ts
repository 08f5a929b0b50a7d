import { expect, it } from 'vitest';
import { describeOnStorages, noCashback, timed } from '../support/harness.js';

describeOnStorages('the cashback configuration on its older path', (server) => {
  it('answers what the current path answers, for each account, with the apikey alone', async () => {
    for (const account of [timed, noCashback]) {
      const gb = server().client({ apiKey: account.apiKey });
      const older = await gb.GET('/configurations/cashback');
      expect(older.response.status).toBe(200);
      expect(older.data).toEqual((await gb.GET('/configurations/rewards/cashback')).data);
    }
    const timedRule = (await server().client({ apiKey: timed.apiKey }).GET('/configurations/cashback')).data;
    expect(timedRule).toMatchObject({ rewardFactor: 0.05, amountRewardThreshold: 1, rewardWalletFactor: 1, rewardRankFactor: 2, returnWindow: 7 });
    expect((await server().client({ apiKey: noCashback.apiKey }).GET('/configurations/cashback')).data).toMatchObject({ enabled: false });
  });
});
