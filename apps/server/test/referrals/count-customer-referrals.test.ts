import { expect, it } from 'vitest';
import { describeOnStorages, shop, uid } from '../support/harness.js';
import { ORDER, referralApi } from './referral-support.js';

describeOnStorages('counting referred friends', (server) => {
  const api = referralApi(server, shop);

  it('counts the friends a customer referred, Pending until their first order and Active after it', async () => {
    const referrer = await api.signUp();
    expect(await api.count(referrer)).toEqual({ count: 0, totalPending: 0, totalActive: 0 });
    const code = await api.codeOf(referrer);
    const [first] = [await api.signUp(code), await api.signUp(code)];
    expect(await api.count(referrer)).toEqual({ count: 2, totalPending: 2, totalActive: 0 });
    await api.fire(first!, [ORDER]);
    expect(await api.count(referrer)).toEqual({ count: 2, totalPending: 1, totalActive: 1 });
    const unknown = await api.gb().GET('/customers/{customerId}/referrals/count', { params: { path: { customerId: uid('nobody') } } });
    expect(unknown.error).toMatchObject({ code: 7000 });
  });
});
