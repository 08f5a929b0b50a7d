import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/accounts.js';
import { AdjustableClock } from '../../src/clock.js';
import { rewardCashback } from '../../src/use-cases/transactions/reward-cashback.js';
import { getCustomerBalance } from '../../src/use-cases/customers/get-customer-balance.js';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { holdPoints } from '../../src/use-cases/transactions/hold-points.js';
import { releaseHold } from '../../src/use-cases/transactions/release-hold.js';
import { redeemPoints } from '../../src/use-cases/transactions/redeem-points.js';
import { refundTransaction } from '../../src/use-cases/transactions/refund-transaction.js';
import { activateTransaction } from '../../src/use-cases/transactions/activate-transaction.js';
import { createManualTransaction } from '../../src/use-cases/transactions/create-manual-transaction.js';
import { GameballError } from '../../src/errors.js';
import { JOBS } from '../../src/jobs/index.js';
import { jobRunner } from '../../src/jobs/runner.js';
import type { Scope } from '../../src/scope.js';
import { openStore, type Store } from '../../src/open-store.js';
import { accounts, demo, freshStorage, storages, timed, type StorageLocation } from '../support/harness.js';
import { seededRandom } from '../support/random.js';

const ROUNDS = 12;
const STEPS = 40;
const CUSTOMERS = ['a', 'b', 'c'];
const HOUR = 3_600_000;


/** Runs a seeded random mix of every points operation; refusals (Gameball errors) are part of the mix. */
async function randomSteps(scope: Scope & { clock: AdjustableClock }, rnd: () => number, round: number, done: string[]) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  for (let step = 0; step < STEPS; step++) {
    const customerId = pick(CUSTOMERS);
    const transactionId = `r${round}s${step}`;
    const transactionTime = scope.clock.now().toISOString();
    const roll = rnd();
    try {
      if (roll < 0.25) {
        const configurations = rnd() < 0.3 ? { returnWindow: 0 } : undefined;
        await rewardCashback(scope, { customerId, transactionId, transactionTime, amount: Math.round(rnd() * 20_000) / 100, ...(configurations ? { configurations } : {}) });
        done.push(transactionId);
      } else if (roll < 0.35) {
        const points = Math.floor(rnd() * 400) - 80 || 1;
        await createManualTransaction(scope, { customerId, transactionId, transactionTime, username: 'test', reason: 'mix', points });
      } else if (roll < 0.55) {
        await redeemPoints(scope, { customerId, transactionId, transactionTime, points: 5 + Math.floor(rnd() * 120) });
        done.push(transactionId);
      } else if (roll < 0.7) {
        const hold = await holdPoints(scope, { customerId, transactionTime, pointsToHold: 5 + Math.floor(rnd() * 60), holdDurationMinutes: 1 + Math.floor(rnd() * 600) });
        if (rnd() < 0.4) await releaseHold(scope, hold.holdReference);
        else if (rnd() < 0.7) await redeemPoints(scope, { customerId, transactionId, transactionTime, holdReference: hold.holdReference });
      } else if (roll < 0.9 && done.length > 0) {
        const original = pick(done.slice(-12));
        const refundAmount = rnd() < 0.5 ? Math.round(rnd() * 3000) / 100 + 0.01 : undefined;
        await refundTransaction(scope, { customerId, refundTransactionId: transactionId, reverseTransactionId: original, transactionTime, ...(refundAmount ? { refundAmount } : {}) });
      } else if (done.length > 0) {
        await activateTransaction(scope, pick(done));
      }
    } catch (error) {
      if (!(error instanceof GameballError) || error.status >= 500) throw error;
    }
    if (rnd() < 0.15) scope.clock.advance(Math.floor(rnd() * 48 * HOUR));
  }
}

describe.each(storages)('stored wallets against a replay of the ledger on %s', (kind) => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it.each([
    ['a program with return windows, expiry and minimum redemptions', timed, 11],
    ['a plain program', demo, 23],
  ] as Array<[string, Account, number]>)('agree after random operations and clock jumps, for %s', { timeout: 180_000 }, async (_name, account, seed) => {
    const location: StorageLocation = await freshStorage(kind);
    const store: Store = await openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir });
    cleanups.push(() => location.drop(), () => store.close());
    const clock = new AdjustableClock();
    const scope = { store, account, clock };
    const sweeper = jobRunner(JOBS, { store, accounts, clock, logger: pino({ level: 'silent' }) });
    const rnd = seededRandom(seed);
    const done: string[] = [];
    let entries = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await randomSteps(scope, rnd, round, done);
      clock.advance(Math.floor(rnd() * 20 * 24 * HOUR));
      // What a read shows before the sweeper writes must be what it shows after.
      const readBefore = await Promise.all(CUSTOMERS.map((id) => getCustomerBalance(scope, id).catch(() => null)));
      await sweeper.runOnce();
      const readAfter = await Promise.all(CUSTOMERS.map((id) => getCustomerBalance(scope, id).catch(() => null)));
      expect(readAfter).toEqual(readBefore);
      const check = await verifyAllWallets(store);
      expect(check.problems).toEqual([]);
      entries = check.entries;
    }
    expect(entries).toBeGreaterThan(ROUNDS * STEPS * 0.4);
  });
});
