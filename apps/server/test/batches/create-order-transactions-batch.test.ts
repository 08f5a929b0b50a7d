import { expect, it } from 'vitest';
import { describeOnStorages, nowIso, uid } from '../support/harness.js';
import { batchesApi, expectAllDone, jobIdOf } from './batches-api.js';

describeOnStorages('order transactions in a batch', (server) => {
  const gb = () => server().client();

  it("lists each order's entries as listOrderTransactions does, and names an unknown order as Gameball does (9002, Order Not Found)", async () => {
    const orderId = uid('ord');
    await gb().POST('/orders', { body: { customerId: uid('cust'), orderId, orderDate: nowIso(), totalPaid: 95 } });
    const single = (await gb().GET('/orders/{orderId}/transactions', { params: { path: { orderId } } })).data!;
    const unknown = uid('ord');

    const jobId = jobIdOf(await gb().POST('/batch/orders/transactions', { body: { body: [orderId, unknown] } }));
    const status = await batchesApi(gb()).finished(jobId);

    expect(status).toMatchObject({ operation: 'Order Transactions Batch Job', status: 'completed' });
    expectAllDone(status, 1, 1);
    expect(single.count).toBe(1);
    expect(status.response!.successful).toEqual([{ index: 0, orderId, message: 'Found 1 transaction.', transactions: single.transactions, count: 1 }]);
    expect(status.response!.failed).toEqual([{ index: 1, customerId: unknown, orderId: unknown, code: 9002, message: 'Order Not Found' }]);
  });
});
