import { afterAll, describe, expect, it } from 'vitest';
import { createGameballClient } from '@gameball-open/client';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { sql } from '../../src/store/sql.js';
import { openStore } from '../../src/open-store.js';
import { demo, freshStorage, storages, type StorageLocation } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { crash, spawnServer, type ServerProcess } from '../support/processes.js';
import { seededRandom } from '../support/random.js';

const ROUNDS = 4;
const WORKERS = 8;
const CUSTOMERS = ['crash_0', 'crash_1', 'crash_2', 'crash_3'];
/** Each round kills the server once it has acknowledged between this many writes and twice as many. */
const ACKS_PER_ROUND = 10;
/** Only a bound against a server that stopped answering: a round waits for writes, not for time. */
const ROUND_LIMIT_MS = 90_000;

/** Resolves once `count()` reaches `target` (checked by `poke`), or fails after ROUND_LIMIT_MS. */
function whenReached(target: number, count: () => number): { reached: Promise<void>; poke: () => void } {
  let poke = () => {};
  const reached = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${count()} of ${target} writes were acknowledged in ${ROUND_LIMIT_MS / 1000} s`)), ROUND_LIMIT_MS);
    poke = () => {
      if (count() < target) return;
      clearTimeout(timer);
      resolve();
    };
  });
  return { reached, poke };
}

describe.each(storages)('a crash (kill -9) under load on %s', (kind) => {
  let location: StorageLocation | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    if (server) await crash(server.process);
    await location?.drop();
  });

  it('loses no acknowledged write and leaves every wallet equal to its ledger', { timeout: ROUNDS * (ROUND_LIMIT_MS + 60_000) }, async () => {
    location = await freshStorage(kind);
    const acknowledged = new Set<number>();
    const refundable: Array<{ customerId: string; transactionId: string }> = [];
    const failures: string[] = [];
    const rnd = seededRandom(kind === 'sqlite' ? 5 : 6);
    let sequence = 0;
    for (let round = 0; round < ROUNDS; round++) {
      server = await spawnServer(location);
      const gb = createGameballClient({ baseUrl: `${server.origin}/api/v4/integrations`, apiKey: demo.apiKey, secretKey: demo.secretKey, maxRetries: 0 });
      const api = pointsApi(gb);
      if (round === 0) {
        for (const customerId of CUSTOMERS) {
          await gb.POST('/customers', { body: { customerId } });
          expect((await api.manual(customerId, 5_000)).response.status).toBe(200);
        }
      }
      let stop = false;
      let acknowledgedThisRound = 0;
      const target = ACKS_PER_ROUND + Math.floor(rnd() * ACKS_PER_ROUND);
      const { reached, poke } = whenReached(target, () => acknowledgedThisRound);
      const worker = async () => {
        while (!stop) {
          const customerId = CUSTOMERS[Math.floor(rnd() * CUSTOMERS.length)]!;
          const transactionId = `c${sequence++}`;
          const pick = rnd();
          try {
            const result =
              pick < 0.45 ? await api.cashback(customerId, 10 + Math.floor(rnd() * 500), transactionId)
              : pick < 0.8 ? await api.redeem(customerId, { points: 1 + Math.floor(rnd() * 40) }, transactionId)
              : refundable.length ? await api.refund(refundable[0]!.customerId, refundable.shift()!.transactionId, undefined, transactionId)
              : undefined;
            if (!result) continue;
            if (result.response.status >= 500) failures.push(`${result.response.status} ${JSON.stringify(result.error)}`);
            const id = (result.data as { gameballTransactionId?: number | string } | undefined)?.gameballTransactionId;
            if (result.response.status === 200 && id !== undefined) {
              acknowledged.add(Number(id));
              acknowledgedThisRound++;
              poke();
              if (pick < 0.8) refundable.push({ customerId, transactionId });
            }
          } catch {
            // The connection died with the server: the request may or may not have committed.
          }
        }
      };
      const running = Array.from({ length: WORKERS }, worker);
      // Killed with requests in flight, however slowly the machine answers them.
      const waited = await reached.then(() => undefined, (error: Error) => error);
      await crash(server.process);
      stop = true;
      await Promise.all(running);
      if (waited) throw waited;
    }
    expect(failures).toEqual([]);

    const store = await openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir });
    try {
      const ids = new Set((await store.all<{ id: number }>(sql('SELECT id FROM ledger_entries'))).map((row) => Number(row.id)));
      expect([...acknowledged].filter((id) => !ids.has(id))).toEqual([]);
      expect((await verifyAllWallets(store)).problems).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
