import { expect, it } from 'vitest';
import { describeOnStorages, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { batchesApi, expectAllDone, jobIdOf } from './batches-api.js';

describeOnStorages('balance inquiries in a batch', (server) => {
  const gb = () => server().client();

  it('reads each balance as getCustomerBalance does and refuses an unknown customer alone (7000), writing nothing', async () => {
    const api = pointsApi(gb());
    const customerId = await api.customer();
    await api.manual(customerId, 300);
    await api.cashback(customerId, 40);
    const unknown = uid('nobody');

    const status = await batchesApi(gb()).finished(jobIdOf(await gb().POST('/batch/balance/inquiry', { body: { body: [customerId, unknown] } })));

    expect(status).toMatchObject({ operation: 'Balance Inquiry Batch Job', status: 'completed' });
    expectAllDone(status, 1, 1);
    expect(status.response!.successful).toEqual([{ index: 0, customerId, message: '312 points available.', result: await api.balance(customerId) }]);
    expect(status.response!.failed).toEqual([{ index: 1, customerId: unknown, code: 7000, message: `Customer '${unknown}' was not found.` }]);
    const created = await gb().GET('/customers/{customerId}', { params: { path: { customerId: unknown } } });
    expect(created.response.status).toBe(404);
  });
});
