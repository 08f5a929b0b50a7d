import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createGameballClient, type GameballClient } from '@gameball-open/client';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { openStore, type Store } from '../../src/open-store.js';
import { demo, freshStorage, startServer, storages, type StorageLocation } from '../support/harness.js';
import { expectConsistentLedger, pointsApi } from '../support/points-api.js';
import { spawnServer, stopGracefully } from '../support/processes.js';
import { seededRandom } from '../support/random.js';

const CLIENTS = 20;
const OPERATIONS = 50;
const CUSTOMERS = 5;
const START_POINTS = 1000;
/** Answers a racing client may legitimately get; anything else fails the test. */
const EXPECTED = new Set<number | string>([200, 9001, 9004, 9006, 9008, 3011]);


describe.each(storages)('the bank test on %s', (kind) => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it(`keeps every balance exact under ${CLIENTS} clients x ${OPERATIONS} mixed operations on ${CUSTOMERS} customers`, { timeout: 180_000 }, async () => {
    const location: StorageLocation = await freshStorage(kind);
    cleanups.push(() => location.drop());
    const origins: string[] = [];
    const processes: ChildProcess[] = [];
    let store: Store | undefined;
    if (kind === 'postgres') {
      // Two server processes share one database.
      for (let i = 0; i < 2; i++) {
        const started = await spawnServer(location);
        cleanups.push(async () => started.process.exitCode === null && started.process.kill('SIGKILL'));
        processes.push(started.process);
        origins.push(started.origin);
      }
    } else {
      const server = await startServer(location);
      cleanups.push(() => server.close());
      origins.push(server.origin);
      store = server.store;
    }
    const clients: GameballClient[] = origins.map((origin) =>
      createGameballClient({ baseUrl: `${origin}/api/v4/integrations`, apiKey: demo.apiKey, secretKey: demo.secretKey, maxRetries: 0 }),
    );
    const setup = pointsApi(clients[0]!);
    const customers: string[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const customerId = `bank_${kind}_${i}_${Date.now()}`;
      await clients[0]!.POST('/customers', { body: { customerId } });
      expect((await setup.manual(customerId, START_POINTS)).response.status).toBe(200);
      customers.push(customerId);
    }

    const tally = new Map<string, number>();
    const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
    const unexpected: string[] = [];
    const succeeded = new Map<string, { customerId: string; op: string }>(); // gameballTransactionId -> op
    const failedIds = new Set<string>(); // transactionIds whose request was refused
    const refundable: Array<{ customerId: string; transactionId: string }> = [];
    const openHolds = new Map<string, number>(); // customerId -> points still held
    const orders: Array<{ customerId: string; orderId: string }> = [];
    let sequence = 0;
    const nextId = (op: string) => `${op}_${kind}_${Date.now()}_${sequence++}`;

    function record(op: string, customerId: string, transactionId: string, result: { response: Response; error?: { code: number | string } }, gameballId?: string | number) {
      const code = result.response.status === 200 ? 200 : (result.error?.code ?? result.response.status);
      count(`${op}:${code}`);
      if (!EXPECTED.has(code)) unexpected.push(`${op} -> ${result.response.status} ${JSON.stringify(result.error)}`);
      if (code === 200 && gameballId !== undefined) succeeded.set(String(gameballId), { customerId, op });
      if (code !== 200 && op !== 'duplicate' && op !== 'cancel-order') failedIds.add(transactionId);
      return code === 200;
    }

    async function client(index: number) {
      const rnd = seededRandom(1000 + index);
      const gb = clients[index % clients.length]!;
      const api = pointsApi(gb);
      for (let n = 0; n < OPERATIONS; n++) {
        const customerId = customers[Math.floor(rnd() * CUSTOMERS)]!;
        const pick = rnd();
        if (pick < 0.15) {
          // An order with lines: part paid with held points, or with a discount given elsewhere
          // (redeemedAmount, which spends no Gameball points).
          const orderId = nextId('ord');
          const price = Math.round((5 + rnd() * 120) * 100) / 100;
          const redemption: { pointsHoldReference?: string; redeemedAmount?: number } = {};
          let heldPoints = 0;
          if (rnd() < 0.5) {
            const held = await api.hold(customerId, { pointsToHold: 1 + Math.floor(rnd() * 60) });
            if (!record('hold', customerId, 'hold', held)) continue;
            redemption.pointsHoldReference = held.data!.holdReference;
            heldPoints = held.data!.holdEquivalentPoints;
          } else {
            redemption.redeemedAmount = Math.round(rnd() * 5 * 100) / 100 + 0.1;
          }
          const { pointsHoldReference, redeemedAmount } = redemption;
          const result = await gb.POST('/orders', {
            body: {
              customerId, orderId, orderDate: new Date(Date.now() - 1000).toISOString(), totalPaid: price * 2 + 3, totalShipping: 3,
              lineItems: [{ productId: 'p1', price, quantity: 2 }],
              ...(pointsHoldReference ? { redemption: { pointsHoldReference } } : { redeemedAmount }),
            },
          });
          if (record('order', customerId, orderId, result)) {
            refundable.push({ customerId, transactionId: orderId });
            orders.push({ customerId, orderId });
          } else if (heldPoints) openHolds.set(customerId, (openHolds.get(customerId) ?? 0) + heldPoints);
        } else if (pick < 0.2) {
          const target = orders[Math.floor(rnd() * orders.length)];
          if (!target) continue;
          const result = await gb.DELETE('/orders/{orderId}/transactions', { params: { path: { orderId: target.orderId } } });
          record('cancel-order', target.customerId, target.orderId, result);
        } else if (pick < 0.35) {
          const transactionId = nextId('pay');
          const amount = Math.round((1 + rnd() * 300) * 100) / 100;
          const result = await api.cashback(customerId, amount, transactionId);
          if (record('cashback', customerId, transactionId, result, result.data?.gameballTransactionId)) refundable.push({ customerId, transactionId });
        } else if (pick < 0.55) {
          const transactionId = nextId('red');
          const result = await api.redeem(customerId, { points: 1 + Math.floor(rnd() * 120) }, transactionId);
          if (record('redeem', customerId, transactionId, result, result.data?.gameballTransactionId)) refundable.push({ customerId, transactionId });
        } else if (pick < 0.75) {
          const held = await api.hold(customerId, { pointsToHold: 1 + Math.floor(rnd() * 90) });
          if (!record('hold', customerId, 'hold', held)) continue;
          const reference = held.data!.holdReference;
          let closed: boolean;
          if (rnd() < 0.5) {
            const released = await gb.DELETE('/transactions/hold/{holdReferenceId}', { params: { path: { holdReferenceId: reference } } });
            closed = record('release', customerId, 'release', released);
          } else {
            // Refused (9008) only when a cancelled reward left the customer in debt meanwhile.
            const transactionId = nextId('held');
            const result = await api.redeem(customerId, { holdReference: reference }, transactionId);
            closed = record('redeem-hold', customerId, transactionId, result, result.data?.gameballTransactionId);
            if (closed) refundable.push({ customerId, transactionId });
          }
          if (!closed) openHolds.set(customerId, (openHolds.get(customerId) ?? 0) + held.data!.holdEquivalentPoints);
        } else if (pick < 0.92) {
          const target = refundable[Math.floor(rnd() * refundable.length)];
          if (!target) continue;
          const transactionId = nextId('ref');
          const partial = rnd() < 0.5 ? Math.round(rnd() * 20 * 100) / 100 + 0.01 : undefined;
          const result = await api.refund(target.customerId, target.transactionId, partial, transactionId);
          record('refund', target.customerId, transactionId, result, result.data?.gameballTransactionId);
        } else {
          // The same cashback sent twice at once: exactly one may count.
          const transactionId = nextId('dup');
          const [a, b] = await Promise.all([api.cashback(customerId, 50, transactionId), api.cashback(customerId, 50, transactionId)]);
          record('duplicate', customerId, transactionId, a, a.data?.gameballTransactionId);
          record('duplicate', customerId, transactionId, b, b.data?.gameballTransactionId);
          expect([a.response.status, b.response.status].sort()).toEqual([200, 422]);
          expect((a.error ?? b.error)?.code).toBe(9004);
        }
      }
    }

    const started = Date.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
    const seconds = (Date.now() - started) / 1000;
    expect(unexpected).toEqual([]);

    // The invariants, read back through the API.
    const seen = new Set<string>();
    let entries = 0;
    for (const customerId of customers) {
      const ledger = await setup.ledger(customerId);
      const balance = await setup.balance(customerId);
      expectConsistentLedger(ledger, balance.totalPointsBalance);
      expect(balance.heldPoints).toBe(openHolds.get(customerId) ?? 0); // the rest were released or spent
      for (const entry of ledger) {
        expect(seen.has(entry.gameballTransactionId)).toBe(false);
        seen.add(entry.gameballTransactionId);
        expect(failedIds.has(entry.transactionId)).toBe(false);
        // Spending never overdraws; only a cancelled reward may take the balance below zero.
        if (entry.type === 'Redemption') expect(entry.pointsBalanceAfter).toBeGreaterThanOrEqual(0);
      }
      entries += ledger.length;
    }
    for (const [gameballId, { customerId }] of succeeded) {
      expect(seen.has(gameballId), `entry ${gameballId} of ${customerId}`).toBe(true);
    }
    // Every stored wallet, its lots and what each deduction took from them, against a replay of the ledger.
    if (!store) {
      store = await openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir });
      const opened = store;
      cleanups.push(() => opened.close());
    }
    const verified = await verifyAllWallets(store);
    expect(verified.problems).toEqual([]);
    const ok = [...tally].filter(([key]) => key.endsWith(':200')).reduce((sum, [, n]) => sum + n, 0);
    const conflicts = Object.fromEntries([...tally].filter(([key]) => !key.endsWith(':200')).sort());
    console.log(
      `bank test on ${kind} (${origins.length} server process${origins.length > 1 ? 'es' : ''}): ` +
        `${[...tally.values()].reduce((a, b) => a + b, 0)} requests in ${seconds.toFixed(1)} s, ${ok} succeeded ` +
        `(${tally.get('order:200') ?? 0} orders paid partly with points, ${tally.get('cancel-order:200') ?? 0} cancelled); ` +
        `refused as expected: ${JSON.stringify(conflicts)}; invariants checked on ${entries} ledger entries of ${CUSTOMERS} customers ` +
        `(balance = sum of entries, before/after chained, no overdraft, no duplicate or lost entry); ` +
        `${verified.customers} stored wallets equal the replay of their ${verified.entries} entries`,
    );
    for (const child of processes) expect(await stopGracefully(child)).toBe(0);
  });
});
