import { expect, it } from 'vitest';
import type { components } from '@gameball-open/server-types';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { LIMITS } from '../../src/domain/shared/limits.js';
import { sql } from '../../src/store/sql.js';
import { call, expectError, keys } from '../http/helpers.js';
import { describeOnStorages, nowIso, uid } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { batchesApi, expectAllDone, jobIdOf } from './batches-api.js';

type OrderRequest = components['schemas']['OrderRequest'];

const JOBS = sql('SELECT COUNT(*) AS n FROM batch_jobs');

/** Order `i` of a customer: amounts that differ from order to order, and lines that make the body weigh. */
function order(customerId: string, orderId: string, i: number): OrderRequest {
  const price = 10 + ((i * 37) % 190);
  const lines = ['A', 'B', 'C', 'D', 'E', 'F'];
  return {
    customerId,
    orderId,
    orderDate: nowIso(),
    totalPaid: price * lines.length + 5,
    totalShipping: 5,
    lineItems: lines.map((line) => ({
      productId: `SKU-${i}-${line}`,
      title: `Product ${line} of order ${i}, with a name long enough to make the batch weigh`,
      price,
      quantity: 1,
      category: ['home', 'kitchen'],
    })),
  };
}

/** What must be equal between a customer of the batch and its twin served one order at a time. */
function comparable(entries: Array<{ transactionId?: string; type?: string; direction: string; points: number; status?: string; amount?: number }>) {
  return entries.map((e) => ({ order: e.transactionId?.replace(/^[AB]-/, ''), type: e.type, direction: e.direction, points: e.points, status: e.status, amount: e.amount }))
    .sort((a, b) => String(a.order).localeCompare(String(b.order)));
}

describeOnStorages('orders in a batch', (server) => {
  const gb = () => server().client();
  const api = () => pointsApi(gb());
  const batches = () => batchesApi(gb());

  it('tracks 1,000 orders (a body over 1 MiB) with a result each, leaving balances and ledgers equal to the same orders sent one by one', { timeout: 300_000 }, async () => {
    const run = uid('b');
    const customers = Array.from({ length: 100 }, (_, c) => `${run}_${c}`);
    const orders = (set: 'A' | 'B') => customers.flatMap((customerId, c) => Array.from({ length: 10 }, (_, k) => order(`${set}${customerId}`, `${set}-${run}-${c}-${k}`, c * 10 + k)));
    const body = { body: orders('A') };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(LIMITS.bodyBytes);

    const jobId = jobIdOf(await gb().POST('/batch/orders', { body }));
    const single = new Map<string, number>();
    for (const item of orders('B')) {
      const { data, error } = await gb().POST('/orders', { body: item });
      expect(error).toBeUndefined();
      single.set(item.orderId.slice(2), data!.rewardedPoints);
    }
    const status = await batches().finished(jobId);

    expect(status.status).toBe('completed');
    expect(status.operation).toBe('Track Orders Batch Job');
    expectAllDone(status, 1000, 0);
    for (const item of status.response!.successful) {
      const sent = body.body[item.index]!;
      expect(item).toMatchObject({ customerId: sent.customerId, orderId: sent.orderId, message: expect.stringContaining(sent.orderId) });
      expect((item.result as { rewardedPoints: number }).rewardedPoints).toBe(single.get(sent.orderId.slice(2)));
    }
    for (const customerId of customers) {
      const [a, b] = await Promise.all([api().balance(`A${customerId}`), api().balance(`B${customerId}`)]);
      expect(a).toEqual(b);
      expect(a.totalPointsBalance).toBeGreaterThan(0);
      const [ledgerA, ledgerB] = await Promise.all([api().ledger(`A${customerId}`), api().ledger(`B${customerId}`)]);
      expect(ledgerA).toHaveLength(10);
      expect(comparable(ledgerA)).toEqual(comparable(ledgerB));
    }
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);
  });

  it('refuses an order that fails alone, with its code and message, and applies the others', async () => {
    const customerId = uid('cust');
    const tracked = uid('ord');
    await gb().POST('/orders', { body: { customerId, orderId: tracked, orderDate: nowIso(), totalPaid: 100 } });
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const items: OrderRequest[] = [
      { customerId, orderId: uid('ord'), orderDate: nowIso(), totalPaid: 50 },
      { customerId, orderId: tracked, orderDate: nowIso(), totalPaid: 70 }, // tracked before: 9004
      { customerId, orderId: uid('ord'), orderDate: future, totalPaid: 70 }, // in the future: 9007
      { customerId, orderId: uid('ord'), orderDate: nowIso(), totalPaid: 20 },
    ];
    const status = await batches().finished(jobIdOf(await gb().POST('/batch/orders', { body: { body: items } })));

    expect(status.status).toBe('completed');
    expectAllDone(status, 2, 2);
    expect(status.response!.failed).toEqual([
      { index: 1, customerId, orderId: tracked, code: 9004, message: `Transaction ID '${tracked}' was already used.` },
      { index: 2, customerId, orderId: items[2]!.orderId, code: 9007, message: expect.stringContaining('in the future') },
    ]);
    // 100 + 50 + 20 paid, 3 points per 10: 30 + 15 + 6.
    expect((await api().balance(customerId)).totalPointsBalance).toBe(51);
    expect(await api().ledger(customerId)).toHaveLength(3);
  });

  it('refuses 1,001 orders with 422/3011 (a limit), an empty batch with 422/3003 and a body without a list with 400/3000, creating no job', async () => {
    const url = `${server().baseUrl}/batch/orders`;
    const send = (body: unknown) => call(url, { method: 'POST', headers: { ...keys, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const jobs = async () => Number((await server().store.get<{ n: number }>(JOBS))!.n);
    const before = await jobs();
    const many = Array.from({ length: 1001 }, (_, i) => ({ customerId: 'c1', orderId: `o${i}`, orderDate: nowIso(), totalPaid: 1 }));
    expectError(await send({ body: many }), 422, 3011);
    expectError(await send({ body: [] }), 422, 3003);
    expectError(await send({}), 400, 3000);
    expect(await jobs()).toBe(before);
    // 1,000 is the most, and passes.
    expect((await send({ body: many.slice(0, 1000) })).status).toBe(200);
    expect(await jobs()).toBe(before + 1);
  });

  it(`refuses a body over ${LIMITS.batchBodyBytes / 1024 / 1024} MiB with 413/3011 and reads one just under it`, async () => {
    const url = `${server().baseUrl}/batch/orders`;
    const send = (body: string) => call(url, { method: 'POST', headers: { ...keys, 'content-type': 'application/json' }, body });
    const padded = (bytes: number) => `{"pad":"${'a'.repeat(bytes - 10)}"}`;
    expect(padded(LIMITS.batchBodyBytes)).toHaveLength(LIMITS.batchBodyBytes);
    expectError(await send(padded(LIMITS.batchBodyBytes + 1)), 413, 3011);
    // Read whole, then refused by the schema (it has no list), not for its size.
    expectError(await send(padded(LIMITS.batchBodyBytes)), 400, 3000);
  });
});
