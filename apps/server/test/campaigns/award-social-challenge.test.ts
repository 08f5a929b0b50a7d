import { expect, it } from 'vitest';
import { describeOnStorages, shop, uid } from '../support/harness.js';
import { campaignApi } from './campaign-api.js';

describeOnStorages('reward campaigns', (server) => {
  const api = campaignApi(server);

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
});
