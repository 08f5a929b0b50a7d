import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('deleting a customer by POST', (server) => {
  it('deletes as DELETE does: reads then answer 404, a second delete too, and the ledger stays', async () => {
    const gb = server().client();
    const api = pointsApi(gb);
    const customerId = await api.customer();
    await api.manual(customerId, 10);
    const path = { customerId };
    expect((await gb.POST('/customers/{customerId}/delete', { params: { path } })).response.status).toBe(200);
    expect((await gb.GET('/customers/{customerId}/balance', { params: { path } })).error).toMatchObject({ code: 7000 });
    expect((await gb.POST('/customers/{customerId}/delete', { params: { path } })).error).toMatchObject({ code: 7000 });
    const history = await gb.GET('/transactions', { params: { query: { customerId } } });
    expect(history.data?.transactions.map((t) => t.points)).toEqual([10]);
    const unknown = await gb.POST('/customers/{customerId}/delete', { params: { path: { customerId: uid('nobody') } } });
    expect(unknown.error).toMatchObject({ code: 7000 });
  });
});
