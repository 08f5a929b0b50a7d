import { expect, it } from 'vitest';
import { transactionsApi } from './transactions-api.js';
import { describeOnStorages } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

describeOnStorages('holds, OTP and hash', (server) => {
  const api = () => pointsApi(server().client());

  const { holdOf } = transactionsApi(server);

  it('lets a hold expire by itself after its time (moved on with the test clock)', async () => {
    const customerId = await api().customer();
    await api().manual(customerId, 50);
    const short = await api().hold(customerId, { pointsToHold: 20, holdDurationMinutes: 1 });
    const long = await api().hold(customerId, { pointsToHold: 20 }); // account default: 10 minutes
    expect((await api().balance(customerId)).availablePointsBalance).toBe(10);
    await api().advance(61);
    expect((await holdOf(short.data!.holdReference)).data?.state).toBe('expired');
    expect((await holdOf(long.data!.holdReference)).data?.state).toBe('active');
    expect((await api().balance(customerId)).availablePointsBalance).toBe(30);
    expect((await api().redeem(customerId, { holdReference: short.data!.holdReference })).error?.code).toBe(9006);
    await api().advance(10 * 60);
    expect((await api().balance(customerId)).availablePointsBalance).toBe(50);
  });
});
