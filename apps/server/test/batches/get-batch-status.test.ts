import { describe, expect, it } from 'vitest';
import { applyNextBatchItem } from '../../src/use-cases/batches/apply-next-batch-item.js';
import { expectError, call, keys } from '../http/helpers.js';
import { accounts, demo, secure, storages, uid } from '../support/harness.js';
import { quietServerForTests } from '../support/quiet-server.js';
import { batchesApi, jobIdOf } from './batches-api.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// The background jobs are off here: items are applied one at a time by the test, so every state is seen.
describe.each(storages)('the status of a batch on %s', (kind) => {
  const server = quietServerForTests(kind);
  const gb = () => server().client();
  const applyOne = () => applyNextBatchItem({ store: server().store, accounts, clock: server().clock, worker: 'test' });

  it('goes from queued (nothing done, response null) to running to completed, listing each done item once', async () => {
    const known = uid('cust');
    await gb().POST('/customers', { body: { customerId: known } });
    const missing = uid('nobody');
    const jobId = jobIdOf(await gb().POST('/batch/balance/inquiry', { body: { body: [known, missing, known] } }));

    const queued = await batchesApi(gb()).status(jobId);
    expect(queued).toEqual({
      jobId,
      operation: 'Balance Inquiry Batch Job',
      status: 'queued',
      itemCount: 3,
      totalCount: 0,
      finishedCount: 0,
      errorCount: 0,
      createdAt: expect.stringMatching(ISO),
      startedAt: null,
      finishedAt: null,
      response: null,
    });

    await applyOne();
    await applyOne();
    const running = await batchesApi(gb()).status(jobId);
    expect(running).toMatchObject({ status: 'running', totalCount: 2, finishedCount: 1, errorCount: 1, startedAt: expect.stringMatching(ISO), finishedAt: null });
    expect(running.response!.successful).toEqual([{ index: 0, customerId: known, message: '0 points available.', result: expect.objectContaining({ totalPointsBalance: 0 }) }]);
    expect(running.response!.failed).toEqual([{ index: 1, customerId: missing, code: 7000, message: `Customer '${missing}' was not found.` }]);

    await server().jobs.runOnce();
    const done = await batchesApi(gb()).status(jobId);
    expect(done).toMatchObject({ status: 'completed', itemCount: 3, totalCount: 3, finishedCount: 2, errorCount: 1, finishedAt: expect.stringMatching(ISO) });
    expect(done.response!.successful.map((item) => item.index)).toEqual([0, 2]);
    expect(done.startedAt! <= done.finishedAt!).toBe(true);
    expect(await applyOne()).toBeUndefined();
  });

  it('is failed when every item failed', async () => {
    const jobId = jobIdOf(await gb().POST('/batch/redeem', { body: { body: [{ customerId: uid('nobody'), transactionId: uid('r'), transactionTime: new Date().toISOString(), points: 5 }] } }));
    await server().jobs.runOnce();
    const status = await batchesApi(gb()).status(jobId);
    expect(status).toMatchObject({ status: 'failed', totalCount: 1, finishedCount: 0, errorCount: 1, response: { successful: [], failed: [{ index: 0, code: 7000 }] } });
  });

  it("is not found (404/4004) for another account's key, an unknown id or one that is not a number", async () => {
    const jobId = jobIdOf(await gb().POST('/batch/balance/inquiry', { body: { body: ['someone'] } }));
    const other = await server().as(secure).GET('/batches/{batchId}/status', { params: { path: { batchId: String(jobId) } } });
    expect(other.response.status).toBe(404);
    expect(other.error).toMatchObject({ code: 4004 });
    for (const batchId of [String(jobId + 1000), 'abc', '0', '-1', '1e3', '99999999999999999999']) {
      expectError(await call(`${server().baseUrl}/batches/${batchId}/status`, { headers: keys }), 404, 4004);
    }
    // The owner still reads it, with both keys; the apikey alone is not enough.
    expect((await batchesApi(gb()).status(jobId)).jobId).toBe(jobId);
    expectError(await call(`${server().baseUrl}/batches/${jobId}/status`, { headers: { apikey: demo.apiKey } }), 401, 1001);
  });
});
