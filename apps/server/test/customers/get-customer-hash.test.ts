import { expect, it } from 'vitest';
import { describeOnStorages } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('customer hash', (server) => {
  it('gives a six-digit hash that a redemption may carry, and a new one after the redemption used it', async () => {
    const gb = server().client();
    const api = pointsApi(gb);
    const customerId = await api.customer();
    await api.manual(customerId, 100);
    const path = { customerId };
    const first = (await gb.GET('/customers/{customerId}/hash', { params: { path } })).data!.hash;
    expect(first).toMatch(/^\d{6}$/);
    expect((await api.redeem(customerId, { points: 10, hash: first })).response.status).toBe(200);
    const second = (await gb.GET('/customers/{customerId}/hash', { params: { path } })).data!.hash;
    expect(second).toMatch(/^\d{6}$/);
    // The used hash is spent: a redemption carrying it again is refused and spends nothing.
    expect((await api.redeem(customerId, { points: 10, hash: first })).error).toMatchObject({ code: 3003 });
    expect((await api.balance(customerId)).totalPointsBalance).toBe(90);
  });
});
