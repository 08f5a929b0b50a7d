import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { describeOnStorages, nowIso, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { batchesApi, expectAllDone, jobIdOf } from './batches-api.js';

describeOnStorages('cashback in a batch', (server) => {
  // demo: 3 points (and 1 score) per 10 paid, a point worth 0.1.
  const gb = () => server().client();

  it('rewards each payment as rewardCashback does, creating unknown customers; a future transaction time fails alone (9007)', async () => {
    const api = pointsApi(gb());
    const customerId = uid('cust'); // unknown: the first item creates it
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const body = [
      { customerId, transactionId: uid('c'), transactionTime: nowIso(), amount: 150.75 },
      { customerId, transactionId: uid('c'), transactionTime: future, amount: 10 },
      { customerId, transactionId: uid('c'), transactionTime: nowIso(), amount: 20 },
    ];
    const status = await batchesApi(gb()).finished(jobIdOf(await gb().POST('/batch/cashback', { body: { body } })));

    expect(status).toMatchObject({ operation: 'Reward Cashback Batch Job', status: 'completed' });
    expectAllDone(status, 2, 1);
    expect(status.response!.successful).toEqual([
      { index: 0, customerId, message: 'Rewarded 45 points.', result: { customerId, gameballTransactionId: expect.stringMatching(/^[0-9]+$/), rewardAmount: 4.5, rewardEquivalentPoints: 45 } },
      { index: 2, customerId, message: 'Rewarded 6 points.', result: expect.objectContaining({ rewardEquivalentPoints: 6 }) },
    ]);
    expect(status.response!.failed).toEqual([{ index: 1, customerId, code: 9007, message: expect.stringContaining('in the future') }]);
    expect(await api.balance(customerId)).toMatchObject({ totalPointsBalance: 51, score: { scoreBalance: 17 } });
    expect((await api.ledger(customerId)).map((e) => [e.type, e.points, e.transactionId])).toEqual([
      ['PaymentReward', 45, body[0]!.transactionId],
      ['PaymentReward', 6, body[2]!.transactionId],
    ]);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });
});
