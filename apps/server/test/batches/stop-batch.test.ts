import { describe, expect, it } from 'vitest';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { applyNextBatchItem } from '../../src/use-cases/batches/apply-next-batch-item.js';
import { accounts, secure, storages, uid } from '../support/harness.js';
import { quietServerForTests } from '../support/quiet-server.js';
import { pointsApi } from '../support/points-api.js';
import { batchesApi, jobIdOf } from './batches-api.js';

// The background jobs are off here: the test applies items one at a time, then stops the batch between two.
describe.each(storages)('stopping a batch on %s', (kind) => {
  const server = quietServerForTests(kind);
  const gb = () => server().client();
  const applyOne = () => applyNextBatchItem({ store: server().store, accounts, clock: server().clock, worker: 'test' });

  async function adjustments(customerId: string, count: number): Promise<number> {
    const body = Array.from({ length: count }, () => ({ customerId, points: 100 }));
    return jobIdOf(await gb().POST('/batch/balance/adjust', { body: { body } }));
  }

  it('skips the items not taken yet and keeps those done; they are never applied afterwards', async () => {
    const customerId = await pointsApi(gb()).customer();
    const jobId = await adjustments(customerId, 5);
    await applyOne();
    await applyOne();

    const { data, error } = await batchesApi(gb()).stop(jobId);
    expect(error).toBeUndefined();
    expect(data).toEqual({ batchId: String(jobId), status: 'stopped', message: 'The batch was stopped; 2 of 5 items were done, the rest are skipped.' });
    await server().jobs.runOnce();
    expect(await applyOne()).toBeUndefined();

    const status = await batchesApi(gb()).status(jobId);
    expect(status).toMatchObject({ status: 'stopped', itemCount: 5, totalCount: 2, finishedCount: 2, errorCount: 0, finishedAt: expect.any(String) });
    expect(status.response!.successful.map((item) => item.index)).toEqual([0, 1]);
    expect((await pointsApi(gb()).balance(customerId)).totalPointsBalance).toBe(200);
    expect(await pointsApi(gb()).ledger(customerId)).toHaveLength(2);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);

    // A second stop changes nothing.
    expect((await batchesApi(gb()).stop(jobId)).data).toEqual({ batchId: String(jobId), status: 'stopped', message: 'The batch was already stopped; nothing was changed.' });
  });

  it('stopped before any item was taken, applies nothing and has no response', async () => {
    const customerId = await pointsApi(gb()).customer();
    const jobId = await adjustments(customerId, 3);
    expect((await batchesApi(gb()).stop(jobId)).data).toMatchObject({ status: 'stopped', message: 'The batch was stopped; 0 of 3 items were done, the rest are skipped.' });
    await server().jobs.runOnce();
    expect(await batchesApi(gb()).status(jobId)).toMatchObject({ status: 'stopped', totalCount: 0, startedAt: null, response: null });
    expect((await pointsApi(gb()).balance(customerId)).totalPointsBalance).toBe(0);
  });

  it('leaves a batch that had ended as it was', async () => {
    const customerId = await pointsApi(gb()).customer();
    const jobId = await adjustments(customerId, 2);
    await server().jobs.runOnce();
    const { data } = await batchesApi(gb()).stop(jobId);
    expect(data).toEqual({ batchId: String(jobId), status: 'completed', message: 'The batch had already completed; nothing was changed.' });
    expect(await batchesApi(gb()).status(jobId)).toMatchObject({ status: 'completed', totalCount: 2 });
  });

  it("cannot be done with another account's keys (404/4004), and the batch goes on", async () => {
    const customerId = await pointsApi(gb()).customer();
    const jobId = await adjustments(customerId, 2);
    const other = await server().as(secure).POST('/batches/{batchId}/stop', { params: { path: { batchId: String(jobId) } } });
    expect(other.response.status).toBe(404);
    expect(other.error).toMatchObject({ code: 4004 });
    await server().jobs.runOnce();
    expect(await batchesApi(gb()).status(jobId)).toMatchObject({ status: 'completed', finishedCount: 2 });
    expect((await pointsApi(gb()).balance(customerId)).totalPointsBalance).toBe(200);
    const unknown = await batchesApi(gb()).stop(uid('x'));
    expect(unknown.error).toMatchObject({ code: 4004 });
  });
});
