import { expect, it } from 'vitest';
import { climb, describeOnStorages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('VIP tier upgrades', (server) => {
  const api = () => pointsApi(server().as(climb));

  it('tier-progress starts every customer in the lowest tier, and needs the secret key', async () => {
    const customerId = await api().customer();
    const gb = server().as(climb);
    const { data } = await gb.GET('/customers/{customerId}/tier-progress', { params: { path: { customerId } } });
    expect(data).toEqual({
      current: { order: 1, name: 'Starter', minProgress: 0, icon: 'https://cdn.example.com/climb/starter.png' },
      next: { order: 2, name: 'Silver', minProgress: 100, icon: 'https://cdn.example.com/climb/silver.png' },
      progress: 0,
    });
    const keyOnly = server().client({ apiKey: climb.apiKey });
    const refused = await keyOnly.GET('/customers/{customerId}/tier-progress', { params: { path: { customerId } } });
    expect(refused.response.status).toBe(401);
    const unknown = await gb.GET('/customers/{customerId}/tier-progress', { params: { path: { customerId: uid('nobody') } } });
    expect(unknown.error?.code).toBe(7000);
  });
});
