import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/open-store.js';
import { sql } from '../../src/store/sql.js';
import { freshStorage, storages, uid, type StorageLocation } from '../support/harness.js';
import { crash, spawnServer, type ServerProcess } from '../support/processes.js';
import { clientOf, doneCount, expectEachItemOnce, ITEMS, submitBatches } from './batch-processes.js';

/** A bound against processes that stopped making progress, not a speed check. */
const LIMIT_MS = 120_000;

// SQLite serves one process; several share a database on PostgreSQL only.
describe.runIf(storages.includes('postgres'))('two server processes on one PostgreSQL database', () => {
  let location: StorageLocation | undefined;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) await crash(server.process);
    await location?.drop();
  });

  it('drain one queue of batch items, applying none twice', { timeout: 4 * LIMIT_MS }, async () => {
    location = await freshStorage('postgres');
    servers.push(await spawnServer(location), await spawnServer(location));
    const run = uid('two');
    // Both batches are sent to the first process; both processes take their items.
    const jobIds = await submitBatches(clientOf(servers[0]!), run);
    const until = Date.now() + LIMIT_MS;
    for (;;) {
      const [a, b] = await Promise.all(servers.map((server) => doneCount(clientOf(server), jobIds)));
      expect(a).toBeDefined();
      if (a === 2 * ITEMS && b === 2 * ITEMS) break;
      if (Date.now() > until) throw new Error(`only ${a} items were done in ${LIMIT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await expectEachItemOnce(clientOf(servers[1]!), location, run, jobIds);
    const store = await openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir });
    try {
      const workers = await store.all<{ worker: string; n: number }>(sql('SELECT worker, COUNT(*) AS n FROM batch_items GROUP BY worker'));
      const pids = servers.map((server) => server.process.pid);
      expect(workers.map((row) => Number(row.worker.split(':').at(-1))).sort()).toEqual([...pids].sort());
      expect(workers.reduce((sum, row) => sum + Number(row.n), 0)).toBe(2 * ITEMS);
    } finally {
      await store.close();
    }
  });
});
