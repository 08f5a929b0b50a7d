import { expect, it } from 'vitest';
import { sql } from '../../src/store/sql.js';
import { climb, describeOnStorages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

const SET_SPENT = sql('UPDATE customers SET amount_spent = ? WHERE account_id = ? AND customer_id = ?');

describeOnStorages('VIP tier upgrades', (server) => {
  const api = () => pointsApi(server().as(climb));
  const tierEntries = (entries: Awaited<ReturnType<ReturnType<typeof api>['ledger']>>) =>
    entries.filter((e) => e.achievedTierId !== undefined).map((e) => [e.type, e.direction, e.points, e.achievedTierId, e.achievementName]);

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
