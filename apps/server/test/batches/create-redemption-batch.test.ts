import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { describeOnStorages, nowIso, secure, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { batchesApi, expectAllDone, jobIdOf } from './batches-api.js';

describeOnStorages('redemptions in a batch', (server) => {
  const gb = () => server().client();

  it('spends points as redeemPoints does, one customer in the order sent; more than the available points fails alone (9008)', async () => {
    const api = pointsApi(gb());
    const customerId = await api.customer();
    await api.manual(customerId, 300);
    const body = [
      { customerId, transactionId: uid('r'), transactionTime: nowIso(), points: 100 },
      { customerId, transactionId: uid('r'), transactionTime: nowIso(), points: 250 },
      { customerId, transactionId: uid('r'), transactionTime: nowIso(), amount: 5 },
    ];
    const status = await batchesApi(gb()).finished(jobIdOf(await gb().POST('/batch/redeem', { body: { body } })));

    expect(status).toMatchObject({ operation: 'Redeem Batch Job', status: 'completed' });
    expectAllDone(status, 2, 1);
    expect(status.response!.successful).toEqual([
      { index: 0, customerId, message: 'Redeemed 100 points.', result: expect.objectContaining({ customerId, transactionId: body[0]!.transactionId, redeemAmount: 10, redeemEquivalentPoints: 100 }) },
      { index: 2, customerId, message: 'Redeemed 50 points.', result: expect.objectContaining({ redeemAmount: 5, redeemEquivalentPoints: 50 }) },
    ]);
    expect(status.response!.failed).toEqual([{ index: 1, customerId, code: 9008, message: 'The customer has 200 available points; 250 were requested.' }]);
    expect((await api.balance(customerId)).totalPointsBalance).toBe(150);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });

  it("keeps the account's rules of proof: where a hash is required, an item without one is refused and spends nothing", async () => {
    const api = pointsApi(server().as(secure));
    const customerId = await api.customer();
    await api.manual(customerId, 100);
    const body = [{ customerId, transactionId: uid('r'), transactionTime: nowIso(), points: 10, ignoreOTP: true }];
    const status = await batchesApi(server().as(secure)).finished(jobIdOf(await server().as(secure).POST('/batch/redeem', { body: { body } })));

    expect(status).toMatchObject({ status: 'failed', response: { successful: [], failed: [{ index: 0, customerId, code: 3000, message: "This account requires the customer's hash." }] } });
    expect((await api.balance(customerId)).totalPointsBalance).toBe(100);
  });
});
