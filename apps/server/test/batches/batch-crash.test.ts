import { afterAll, describe, expect, it } from 'vitest';
import { freshStorage, storages, uid, type StorageLocation } from '../support/harness.js';
import { crash, spawnServer, type ServerProcess } from '../support/processes.js';
import { clientOf, doneCount, expectEachItemOnce, ITEMS, submitBatches } from './batch-processes.js';

const KILLS = 3;
/** Each kill comes once this many more items are done than at the previous one. */
const STEP = 40;
/** A bound against a server that stopped making progress, not a speed check. */
const LIMIT_MS = 120_000;

async function progressPast(server: ServerProcess, jobIds: readonly number[], target: number): Promise<number> {
  const until = Date.now() + LIMIT_MS;
  for (;;) {
    const done = await doneCount(clientOf(server), jobIds);
    if (done !== undefined && done >= target) return done;
    if (Date.now() > until) throw new Error(`only ${done} items were done in ${LIMIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe.each(storages)('batches killed (kill -9) while they run on %s', (kind) => {
  let location: StorageLocation | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    if (server) await crash(server.process);
    await location?.drop();
  });

  it('resume when the server starts again and apply every item exactly once', { timeout: (KILLS + 2) * LIMIT_MS }, async () => {
    location = await freshStorage(kind);
    server = await spawnServer(location);
    const run = uid('crash');
    const jobIds = await submitBatches(clientOf(server), run);
    let target = 0;
    let midway = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      target = (await progressPast(server, jobIds, target + STEP)) + STEP;
      await crash(server.process);
      // Killed with items in flight: their transactions end with the process, and the items are still pending.
      server = await spawnServer(location);
      const after = await doneCount(clientOf(server), jobIds);
      if (after !== undefined && after < 2 * ITEMS) midway++;
    }
    expect(midway).toBe(KILLS);
    await progressPast(server, jobIds, 2 * ITEMS);
    await expectEachItemOnce(clientOf(server), location, run, jobIds);
  });
});
