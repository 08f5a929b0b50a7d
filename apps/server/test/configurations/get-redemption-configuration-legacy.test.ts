import { expect, it } from 'vitest';
import { demo, describeOnStorages, secure } from '../support/harness.js';

describeOnStorages('the redemption configuration on its older path', (server) => {
  it('answers what the current path answers, for each account, with the apikey alone', async () => {
    for (const account of [demo, secure]) {
      const gb = server().client({ apiKey: account.apiKey });
      const older = await gb.GET('/configurations/redemption');
      expect(older.response.status).toBe(200);
      expect(older.data).toEqual((await gb.GET('/configurations/rewards/redemption')).data);
    }
    const strict = (await server().client({ apiKey: secure.apiKey }).GET('/configurations/redemption')).data;
    expect(strict).toMatchObject({ redemptionFactor: 0.01, otpRequired: true, hashRequired: true });
  });
});
