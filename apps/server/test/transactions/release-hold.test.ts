import { expect, it } from 'vitest';
import { transactionsApi } from './transactions-api.js';
import { describeOnStorages } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('holds, OTP and hash', (server) => {
  const api = () => pointsApi(server().client());

  const { holdOf, release } = transactionsApi(server);

  it('gives held points back on release, and answers 9006 for unknown holds', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 40);
    const { data } = await api().hold(customerId, { amountToHold: 2.01 }); // 21 points, rounded up
    expect(data?.holdEquivalentPoints).toBe(21);
    const released = await release(data!.holdReference);
    expect(released.data).toEqual({ success: true, message: 'The hold was released.' });
    expect((await holdOf(data!.holdReference)).data?.state).toBe('released');
    expect((await api().balance(customerId)).availablePointsBalance).toBe(40);
    expect((await holdOf('no-such-hold')).error?.code).toBe(9006);
    expect((await release('no-such-hold')).response.status).toBe(404);
  });
});
