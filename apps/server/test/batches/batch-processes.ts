import { expect } from 'vitest';
import { createGameballClient, type GameballClient } from '@gameball-open/client';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { openStore } from '../../src/open-store.js';
import { sql } from '../../src/store/sql.js';
import { shopHsm, type StorageLocation } from '../support/harness.js';
import type { ServerProcess } from '../support/processes.js';

/**
 * Two batches whose every item shows when it is applied twice: events earn 10 points each
 * (shop-hsm's repeatable review campaign, no idempotency to stop a second run) and adjustments
 * add points under a generated transactionId (a second run would fail with 9004, so errorCount
 * would show it). 20 customers, 50 items each per batch.
 */
export const CUSTOMERS = 20;
export const ITEMS = 1000;

export function clientOf(server: ServerProcess): GameballClient {
  return createGameballClient({ baseUrl: `${server.origin}/api/v4/integrations`, apiKey: shopHsm.apiKey, secretKey: shopHsm.secretKey, maxRetries: 0 });
}

const customerOf = (run: string, i: number) => `${run}_${i % CUSTOMERS}`;
const pointsOf = (i: number) => 1 + (i % 7);

/** Creates the customers (each earns the SignUp campaign's 25), then submits the two batches; answers their ids. */
export async function submitBatches(gb: GameballClient, run: string): Promise<number[]> {
  for (let c = 0; c < CUSTOMERS; c++) expect((await gb.POST('/customers', { body: { customerId: customerOf(run, c) } })).error).toBeUndefined();
  const events = Array.from({ length: ITEMS }, (_, i) => ({ customerId: customerOf(run, i), events: { review_submitted: { item: i } } }));
  const adjustments = Array.from({ length: ITEMS }, (_, i) => ({ customerId: customerOf(run, i), points: pointsOf(i) }));
  const a = await gb.POST('/batch/events', { body: { body: events } });
  const b = await gb.POST('/batch/balance/adjust', { body: { body: adjustments } });
  expect(a.error ?? b.error).toBeUndefined();
  return [a.data!.jobId, b.data!.jobId];
}

/** Items done so far in the batches, or undefined when the server does not answer. */
export async function doneCount(gb: GameballClient, jobIds: readonly number[]): Promise<number | undefined> {
  let total = 0;
  for (const jobId of jobIds) {
    const { data } = await gb.GET('/batches/{batchId}/status', { params: { path: { batchId: String(jobId) } } }).catch(() => ({ data: undefined }));
    if (!data) return undefined;
    total += data.totalCount;
  }
  return total;
}

/** Every item applied exactly once: both batches completed without a failure, and every balance and ledger as one run of each item leaves it. */
export async function expectEachItemOnce(gb: GameballClient, location: StorageLocation, run: string, jobIds: readonly number[]): Promise<void> {
  for (const jobId of jobIds) {
    const { data } = await gb.GET('/batches/{batchId}/status', { params: { path: { batchId: String(jobId) } } });
    expect(data).toMatchObject({ status: 'completed', itemCount: ITEMS, totalCount: ITEMS, finishedCount: ITEMS, errorCount: 0 });
  }
  for (let c = 0; c < CUSTOMERS; c++) {
    const customerId = customerOf(run, c);
    const added = Array.from({ length: ITEMS }, (_, i) => i).filter((i) => i % CUSTOMERS === c).reduce((sum, i) => sum + pointsOf(i), 0);
    const { data } = await gb.GET('/customers/{customerId}/balance', { params: { path: { customerId } } });
    // The SignUp campaign's 25, 10 per review event, and the adjustments.
    expect(data!.totalPointsBalance, customerId).toBe(25 + (ITEMS / CUSTOMERS) * 10 + added);
  }
  const store = await openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir });
  try {
    const perCustomer = await store.all<{ n: number }>(sql('SELECT COUNT(*) AS n FROM ledger_entries WHERE customer_id LIKE ? GROUP BY customer_id'), [`${run}_%`]);
    expect(perCustomer.map((row) => Number(row.n))).toEqual(Array.from({ length: CUSTOMERS }, () => 1 + 2 * (ITEMS / CUSTOMERS)));
    expect((await verifyAllWallets(store)).problems).toEqual([]);
  } finally {
    await store.close();
  }
}
