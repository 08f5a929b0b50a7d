import { expect, it } from 'vitest';
import { describeOnStorages, shop, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('counting transactions', (server) => {
  it('counts the entries that match customerId, direction and status, as the listing would show them', async () => {
    const gb = server().client();
    const api = pointsApi(gb);
    const customerId = await api.customer();
    await api.manual(customerId, 50);
    await api.manual(customerId, 30);
    await api.redeem(customerId, { points: 20 });
    const count = async (query: { direction?: '+' | '-'; status?: 'Active' | 'Pending' }) =>
      (await gb.GET('/transactions/count', { params: { query: { customerId, ...query } } })).data!.count;
    expect(await count({})).toBe(3);
    expect(await count({ direction: '+' })).toBe(2);
    expect(await count({ direction: '-' })).toBe(1);
    expect(await count({ status: 'Pending' })).toBe(0);
    const listed = await gb.GET('/transactions', { params: { query: { customerId, direction: '+' } } });
    expect(listed.data!.transactions).toHaveLength(2);
    expect((await gb.GET('/transactions/count', { params: { query: { customerId: uid('nobody') } } })).data).toEqual({ count: 0 });
  });

  it('counts the entries of the profile another customerId was merged into (channel merging)', async () => {
    const gb = server().as(shop);
    const email = `${uid('m')}@example.com`;
    const web = uid('web');
    const app = uid('app');
    await gb.POST('/customers', { body: { customerId: web, email } });
    await gb.POST('/customers', { body: { customerId: app, email } });
    await pointsApi(gb).manual(app, 25);
    const byWeb = (await gb.GET('/transactions/count', { params: { query: { customerId: web } } })).data!.count;
    const byApp = (await gb.GET('/transactions/count', { params: { query: { customerId: app } } })).data!.count;
    expect(byApp).toBe(byWeb);
    expect(byWeb).toBeGreaterThanOrEqual(1);
  });
});
