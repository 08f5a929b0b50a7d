import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('opting customers out and in', (server) => {
  const gb = () => server().client();
  const api = () => pointsApi(gb());
  const activate = (customerId: string, isActive: boolean) =>
    gb().PUT('/customers/{customerId}/activate', { params: { path: { customerId } }, body: { isActive } });

  it('answers whether the state changed; the same state again changes nothing', async () => {
    const customerId = await api().customer();
    expect((await activate(customerId, true)).data).toEqual({ customerId, isActive: true, stateChanged: false });
    expect((await activate(customerId, false)).data).toEqual({ customerId, isActive: false, stateChanged: true });
    expect((await activate(customerId, false)).data).toEqual({ customerId, isActive: false, stateChanged: false });
    expect((await activate(customerId, true)).data).toEqual({ customerId, isActive: true, stateChanged: true });
  });

  it('refuses cashback, manual additions, redemptions and holds while opted out (3009), and writes nothing', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 100);
    await activate(customerId, false);
    const payment = uid('pay');
    const refusals = [
      await api().cashback(customerId, 50, payment),
      await api().manual(customerId, 10),
      await api().redeem(customerId, { points: 10 }),
      await api().hold(customerId, { pointsToHold: 10 }),
    ];
    for (const { response, error } of refusals) {
      expect(response.status).toBe(422);
      expect(error).toMatchObject({ code: 3009, type: 'PAYLOAD_ERROR' });
    }
    // A deduction by hand is still possible; the history stays.
    expect((await api().manual(customerId, -5)).response.status).toBe(200);
    expect((await api().balance(customerId)).totalPointsBalance).toBe(95);
    await activate(customerId, true);
    // The refused payment's transactionId was not used up.
    expect((await api().cashback(customerId, 50, payment)).data).toMatchObject({ rewardEquivalentPoints: 15 });
    expect((await api().balance(customerId)).totalPointsBalance).toBe(110);
  });

  it('never creates a customer (7000) and needs isActive (400)', async () => {
    const unknown = uid('nobody');
    const missing = await activate(unknown, false);
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 7000 });
    const read = await gb().GET('/customers/{customerId}', { params: { path: { customerId: unknown } } });
    expect(read.response.status).toBe(404);
    const customerId = await api().customer();
    const response = await fetch(`${server().baseUrl}/customers/${customerId}/activate`, {
      method: 'PUT',
      headers: { apikey: 'demo_apikey', 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: number }).code).toBe(3000);
  });
});
