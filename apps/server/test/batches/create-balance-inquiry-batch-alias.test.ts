import { expect, it } from 'vitest';
import { describeOnStorages } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { batchesApi, expectAllDone, jobIdOf } from './batches-api.js';

describeOnStorages('balance inquiries in a batch under the older path', (server) => {
  const gb = () => server().client();

  it('takes items as { customerId } and answers as the seed path does', async () => {
    const api = pointsApi(gb());
    const [a, b] = [await api.customer(), await api.customer()];
    await api.manual(b, 70);

    const jobId = jobIdOf(await gb().POST('/batch/balance-inquiry', { body: { body: [{ customerId: a }, { customerId: b }] } }));
    const status = await batchesApi(gb()).finished(jobId);

    expect(status).toMatchObject({ operation: 'Balance Inquiry Batch Job', status: 'completed' });
    expectAllDone(status, 2, 0);
    expect(status.response!.successful).toEqual([
      { index: 0, customerId: a, message: '0 points available.', result: await api.balance(a) },
      { index: 1, customerId: b, message: '70 points available.', result: await api.balance(b) },
    ]);
  });
});
