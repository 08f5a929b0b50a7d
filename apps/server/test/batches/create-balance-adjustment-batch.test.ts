import { expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { describeOnStorages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { batchesApi, expectAllDone, jobIdOf } from './batches-api.js';

describeOnStorages('balance adjustments in a batch', (server) => {
  const gb = () => server().client();

  it('adds and deducts points as manual transactions; a deduction past the available points, an unknown customer and a reused transactionId fail alone', async () => {
    const api = pointsApi(gb());
    const customerId = await api.customer();
    const used = uid('adj');
    const unknown = uid('nobody');
    const body = [
      { customerId, points: 500, transactionId: used },
      { customerId, points: -20, reason: 'Correction of a double reward' },
      { customerId, points: -10_000 },
      { customerId: unknown, points: 5 },
      { customerId, points: 7, transactionId: used },
    ];
    const jobId = jobIdOf(await gb().POST('/batch/balance/adjust', { body: { body } }));
    const status = await batchesApi(gb()).finished(jobId);

    expect(status).toMatchObject({ operation: 'Balance Adjustment Batch Job', status: 'completed' });
    expectAllDone(status, 2, 3);
    expect(status.response!.successful).toEqual([
      { index: 0, customerId, message: 'Added 500 points.', result: { customerId, gameballTransactionId: expect.stringMatching(/^[0-9]+$/), transactionId: used, points: 500, amount: 50 } },
      { index: 1, customerId, message: 'Deducted 20 points.', result: expect.objectContaining({ transactionId: `batch-${jobId}-1`, points: -20 }) },
    ]);
    // One customer's items are applied in the order sent: the deduction of 10,000 sees 480 available.
    expect(status.response!.failed).toEqual([
      { index: 2, customerId, code: 9008, message: 'The customer has 480 available points; 10000 were requested.' },
      { index: 3, customerId: unknown, code: 7000, message: `Customer '${unknown}' was not found.` },
      { index: 4, customerId, code: 9004, message: `Transaction ID '${used}' was already used.` },
    ]);

    expect((await api.balance(customerId)).totalPointsBalance).toBe(480);
    const ledger = await api.ledger(customerId);
    expect(ledger.map((e) => [e.type, e.direction, e.points, e.transactionId, e.reason])).toEqual([
      ['ManualAccumulation', '+', 500, used, `Balance adjustment batch ${jobId}`],
      ['ManualDeduction', '-', 20, `batch-${jobId}-1`, 'Correction of a double reward'],
    ]);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });
});
