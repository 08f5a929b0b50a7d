import { expect, it } from 'vitest';
import { describeOnStorages } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { batchesApi, expectAllDone, jobIdOf } from './batches-api.js';

describeOnStorages('balance adjustments in a batch under the older path', (server) => {
  const gb = () => server().client();

  it('takes `amount` as the signed points, with an optional reason', async () => {
    const api = pointsApi(gb());
    const customerId = await api.customer();
    await api.manual(customerId, 30);
    const body = [
      { customerId, amount: 100, reason: 'Store opening gift' },
      { customerId, amount: -10 },
    ];
    const jobId = jobIdOf(await gb().POST('/batch/balance-adjustment', { body: { body } }));
    const status = await batchesApi(gb()).finished(jobId);

    expect(status).toMatchObject({ operation: 'Balance Adjustment Batch Job', status: 'completed' });
    expectAllDone(status, 2, 0);
    expect(status.response!.successful.map((item) => item.message)).toEqual(['Added 100 points.', 'Deducted 10 points.']);
    expect((await api.balance(customerId)).totalPointsBalance).toBe(120);
    const batchEntries = (await api.ledger(customerId)).slice(1).map((e) => [e.type, e.points, e.reason]).sort();
    expect(batchEntries).toEqual([
      ['ManualAccumulation', 100, 'Store opening gift'],
      ['ManualDeduction', 10, `Balance adjustment batch ${jobId}`],
    ]);
  });
});
