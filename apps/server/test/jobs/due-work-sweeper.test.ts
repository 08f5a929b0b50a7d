import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/clock.js';
import { createCustomer } from '../../src/use-cases/customers/create-customer.js';
import { createManualTransaction } from '../../src/use-cases/transactions/create-manual-transaction.js';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { JOBS } from '../../src/jobs/index.js';
import { jobRunner } from '../../src/jobs/runner.js';
import { settleWallets } from '../../src/jobs/settle-wallets.js';
import { sql } from '../../src/store/sql.js';
import { openStore, type Store } from '../../src/open-store.js';
import { accounts, freshStorage, startServer, storages, timed, uid, type StorageLocation } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';

const DAY_MS = 86_400_000;
const INTERVAL_MS = 200;

describe.each(storages)('the due-work sweeper on %s', (kind) => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function server(sweepEveryMs: number | null) {
    const location = await freshStorage(kind);
    const started = await startServer(location, { sweepEveryMs });
    cleanups.push(() => location.drop(), () => started.close());
    return started;
  }

  it('writes points that expired within its interval, with no request in between', async () => {
    const started = await server(INTERVAL_MS);
    const api = pointsApi(started.as(timed));
    const customerId = await api.customer();
    await api.manual(customerId, 50);
    started.clock.advance(30 * DAY_MS + 1);
    const moved = Date.now();
    let waited = 0;
    for (;;) {
      const entries = await started.store.all<{ type: string }>(sql("SELECT type FROM ledger_entries WHERE customer_id = ? AND type = 'Expiry'"), [customerId]);
      waited = Date.now() - moved;
      if (entries.length > 0 || waited > 10_000) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // One interval, plus slack for a busy machine.
    expect(waited).toBeLessThan(INTERVAL_MS + 1_800);
    expect((await api.ledger(customerId)).map((e) => [e.type, e.points])).toEqual([['ManualAccumulation', 50], ['Expiry', 50]]);
  });

  it('writes what the test clock made due before the clock answers', async () => {
    const started = await server(null);
    const api = pointsApi(started.as(timed));
    const customerId = await api.customer();
    await api.cashback(customerId, 30, uid('pay'));
    expect((await api.advance(8 * 86_400)).response.status).toBe(200);
    expect((await api.ledger(customerId)).map((e) => e.status)).toEqual(['Active']);
  });

  it.runIf(kind === 'postgres')('writes each due item exactly once when two processes sweep one database', { timeout: 120_000 }, async () => {
    const location: StorageLocation = await freshStorage(kind);
    const stores: Store[] = [];
    for (let i = 0; i < 2; i++) stores.push(await openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir }));
    cleanups.push(() => location.drop(), ...stores.map((store) => () => store.close()));
    const clock = new AdjustableClock();
    const logger = pino({ level: 'silent' });
    const customers = Array.from({ length: 40 }, (_, i) => `sweep_${i}`);
    const scope = { store: stores[0]!, account: timed, clock };
    for (const customerId of customers) {
      await createCustomer(scope, { customerId });
      for (const points of [10, 11, 12]) {
        await createManualTransaction(scope, { customerId, transactionId: uid('m'), transactionTime: clock.now().toISOString(), username: 't', reason: 'r', points });
      }
    }
    clock.advance(31 * DAY_MS);
    const sweepers = stores.map((store) => jobRunner(JOBS, { store, accounts, clock, logger }));
    const settled = await Promise.all([...sweepers, ...sweepers].map(async (sweeper) => (await sweeper.runOnce())[settleWallets.name]!));
    expect(settled.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(customers.length);
    const expiries = await stores[0]!.all<{ source_entry_id: number; n: number }>(
      sql("SELECT source_entry_id, count(*) AS n FROM ledger_entries WHERE type = 'Expiry' GROUP BY source_entry_id"),
    );
    expect(expiries).toHaveLength(customers.length * 3);
    expect(expiries.every((row) => Number(row.n) === 1)).toBe(true);
    expect((await verifyAllWallets(stores[1]!)).problems).toEqual([]);
  });
});
