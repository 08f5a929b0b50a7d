import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';
import { campaignApi } from './campaign-api.js';

describeOnStorages('reward campaigns', (server) => {
  const api = campaignApi(server);

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

  it('HighScore: achieved once when the score reaches the target', async () => {
    const customerId = await api.customer(); // score 1 from SignUp
    await api.points().cashback(customerId, 998); // score 999
    expect(await api.achieved(customerId)).toEqual([]);
    await api.points().cashback(customerId, 1); // score 1000
    await api.points().cashback(customerId, 5);
    expect(await api.achieved(customerId)).toEqual([105]);
    await api.expectConsistent(customerId);
  });
});
