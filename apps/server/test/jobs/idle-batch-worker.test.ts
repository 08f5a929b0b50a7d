import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBatchItems } from '../../src/jobs/apply-batch-items.js';
import type { Read } from '../../src/store/sql.js';
import { accounts, freshStorage, shop, startServer, storages, uid, type StorageLocation, type TestServer } from '../support/harness.js';
import { recordingStore } from '../support/recording-store.js';

/**
 * The batch worker runs every 100 ms in every process. With nothing pending, the usual case, a
 * run must cost one read, not a transaction per lane (32 on SQLite, each waiting its turn on the
 * connection with the requests); with items pending it applies them as before.
 */
describe.each(storages)('an idle batch worker on %s', (kind) => {
  let location: StorageLocation;
  let server: TestServer;
  beforeAll(async () => {
    location = await freshStorage(kind);
    server = await startServer(location, { sweepEveryMs: null });
  });
  afterAll(async () => {
    await server.close();
    await location.drop();
  });

  it('reads once when nothing is pending, and applies a batch once one is', async () => {
    const ran: Read[] = [];
    const scope = { store: recordingStore(server.store, ran), accounts, clock: server.clock, logger: pino({ level: 'silent' }) };
    expect(await applyBatchItems.runDue(scope, server.clock.now(), null)).toBe(0);
    expect(ran.map((r) => r.statement.sqlite)).toEqual([expect.stringMatching(/^SELECT 1 AS pending FROM batch_items WHERE state = 'pending'/)]);

    const gb = server.as(shop);
    const customerId = uid('batch');
    expect((await gb.POST('/customers', { body: { customerId } })).error).toBeUndefined();
    const submitted = await gb.POST('/batch/balance/adjust', { body: { body: [{ customerId, points: 7 }, { customerId, points: 5 }] } });
    expect(submitted.error).toBeUndefined();
    ran.length = 0;
    // A run stops taking items after its time budget; on a slow machine the second may wait for the next run.
    let applied = 0;
    for (let run = 0; run < 5 && applied < 2; run++) applied += await applyBatchItems.runDue(scope, server.clock.now(), null);
    expect(applied).toBe(2);
    expect(ran.length).toBeGreaterThan(1);
    const balance = await gb.GET('/customers/{customerId}/balance', { params: { path: { customerId } } });
    // 25 for signing up (the shop's SignUp campaign) and the two adjustments.
    expect(balance.data?.totalPointsBalance).toBe(25 + 7 + 5);
  });
});
