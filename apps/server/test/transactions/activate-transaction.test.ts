import { expect, it } from 'vitest';
import { describeOnStorages, timed, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

/** The "timed" account: 7-day return window, points expire 30 days after activation, minimum redemption 5. */
describeOnStorages('pending and expiring points', (server) => {
  const api = () => pointsApi(server().as(timed));

  const activate = (transactionId: string) =>
    server().as(timed).PUT('/transactions/{transactionId}/activate', { params: { path: { transactionId } } });

  it('activates pending points at once on request, and answers 9002 for an unknown transaction', async () => {
    const customerId = await api().customer();
    const payment = uid('pay');
    await api().cashback(customerId, 25, payment);
    const { data } = await activate(payment);
    expect(data).toMatchObject({ pointsActivated: 25 });
    expect(await api().balance(customerId)).toMatchObject({ availablePointsBalance: 25, pendingPoints: 0 });
    expect((await activate(uid('none'))).error?.code).toBe(9002);
  });
});
