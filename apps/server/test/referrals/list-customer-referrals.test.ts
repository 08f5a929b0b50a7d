import { expect, it } from 'vitest';
import { describeOnStorages, shop, uid } from '../support/harness.js';
import { referralApi } from './referral-support.js';

describeOnStorages('referrals', (server) => {
  const api = referralApi(server, shop);

  it('pages the referred friends and refuses unknown customers', async () => {
    const referrer = await api.signUp();
    const code = await api.codeOf(referrer);
    const friends = [await api.signUp(code), await api.signUp(code), await api.signUp(code)];
    const first = await api.gb().GET('/customers/{customerId}/referrals', { params: { path: { customerId: referrer }, query: { limit: 2 } } });
    expect(first.data).toMatchObject({ count: 2, hasMore: true });
    const startAfter = first.data!.referredFriends.at(-1)!.gameballId;
    const rest = await api.gb().GET('/customers/{customerId}/referrals', { params: { path: { customerId: referrer }, query: { startAfter } } });
    expect([...first.data!.referredFriends, ...rest.data!.referredFriends].map((f) => f.customerId)).toEqual(friends);
    expect(rest.data).toMatchObject({ count: 1, hasMore: false });
    const unknown = await api.gb().GET('/customers/{customerId}/referrals/count', { params: { path: { customerId: uid('nobody') } } });
    expect(unknown.error).toMatchObject({ code: 7000 });
    const noSecret = await fetch(`${server().baseUrl}/customers/${referrer}/referrals`, { headers: { apikey: shop.apiKey } });
    expect(noSecret.status).toBe(401);
  });
});
