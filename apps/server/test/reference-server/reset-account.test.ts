import { expect, it } from 'vitest';
import type { GameballClient } from '@gameball-open/client';
import { verifyAllWallets } from '../../src/domain/points/verify.js';
import { accountRows, GLOBAL_TABLES } from '../../src/store/account-rows.js';
import { sql, type Queryable } from '../../src/store/sql.js';
import { batchesApi, jobIdOf } from '../batches/batches-api.js';
import { couponsApi } from '../coupons/coupons-api.js';
import { couponShop, demo, describeOnStorages, uid, type TestServer } from '../support/harness.js';
import { pointsApi } from '../support/points-api.js';
import { webhookApi } from '../webhooks/webhook-api.js';

/** Rows per table held for the account (tables with none left out). */
async function rowsOf(q: Queryable, accountId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, owned } of (await accountRows(q)).tables) {
    const row = await q.get<{ n: number | string }>(sql(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${owned}`), [accountId]);
    if (Number(row!.n) > 0) counts[table] = Number(row!.n);
  }
  return counts;
}

/** Gives the account a customer with points, cashback, a hold, a coupon, a batch and webhook deliveries. */
async function fill(server: TestServer, gb: GameballClient, customerId: string, cashbackId: string) {
  await webhookApi(gb).subscribe('http://127.0.0.1:2/nobody-listens');
  const points = pointsApi(gb);
  expect((await gb.POST('/customers', { body: { customerId } })).error).toBeUndefined();
  expect((await points.manual(customerId, 300)).error).toBeUndefined();
  expect((await points.cashback(customerId, 250, cashbackId)).error).toBeUndefined();
  const earned = await points.balance(customerId);
  const hold = await points.hold(customerId, { pointsToHold: 20 });
  expect(hold.error).toBeUndefined();
  await couponsApi(gb).coupon(customerId, 1);
  const batch = jobIdOf(await gb.POST('/batch/customers', { body: { body: [{ customerId: uid('batch') }] } }));
  await batchesApi(gb).finished(batch);
  await server.jobs.runOnce();
  return { holdReference: hold.data!.holdReference, batch, earned };
}

describeOnStorages('resetting an account', (server) => {
  it("deletes every row of the calling account and nothing of another's; the account then works as new", async () => {
    const gb = server().as(couponShop);
    const other = server().as(demo);
    const customerId = uid('cust');
    const cashbackId = uid('pay');
    const before = await fill(server(), gb, customerId, cashbackId);
    const otherCustomer = await pointsApi(other).customer();
    expect((await pointsApi(other).manual(otherCustomer, 70)).error).toBeUndefined();
    const otherRows = await rowsOf(server().store, demo.id);
    const filled = await rowsOf(server().store, couponShop.id);
    for (const table of ['customers', 'ledger_entries', 'holds', 'coupons', 'batch_jobs', 'batch_items', 'webhook_deliveries', 'webhook_subscriptions', 'used_transaction_ids']) {
      expect(filled[table], table).toBeGreaterThan(0);
    }

    const reset = await gb.POST('/_reference/reset', {});
    expect(reset.response.status).toBe(200);
    expect(reset.data!.removed).toEqual(filled);
    expect(reset.data!.total).toBe(Object.values(filled).reduce((a, b) => a + b, 0));

    expect(await rowsOf(server().store, couponShop.id)).toEqual({});
    expect(await rowsOf(server().store, demo.id)).toEqual(otherRows);
    expect((await pointsApi(other).balance(otherCustomer)).totalPointsBalance).toBe(70);
    // Through the API: the customer, the hold, the batch and the deliveries are gone; the subscription is the file's again.
    const customer = await gb.GET('/customers/{customerId}', { params: { path: { customerId } } });
    expect(customer.response.status).toBe(404);
    const hold = await gb.GET('/transactions/hold/{holdReferenceId}', { params: { path: { holdReferenceId: before.holdReference } } });
    expect(hold.response.status).toBe(404);
    const batch = await gb.GET('/batches/{batchId}/status', { params: { path: { batchId: String(before.batch) } } });
    expect(batch.response.status).toBe(404);
    expect(await webhookApi(gb).deliveries()).toEqual([]);
    expect((await webhookApi(gb).subscription()).url).toBe(couponShop.webhook.fromFile);

    // The same customer and the same transactionId earn the same again, as on a new account.
    expect((await gb.POST('/customers', { body: { customerId } })).error).toBeUndefined();
    expect((await pointsApi(gb).manual(customerId, 300)).error).toBeUndefined();
    expect((await pointsApi(gb).cashback(customerId, 250, cashbackId)).error).toBeUndefined();
    expect(await pointsApi(gb).balance(customerId)).toEqual(before.earned);
    expect((await verifyAllWallets(server().store)).problems).toEqual([]);

    const second = await gb.POST('/_reference/reset', {});
    expect(second.data!.total).toBeGreaterThan(0);
    const empty = await gb.POST('/_reference/reset', {});
    expect(empty.data).toEqual({ total: 0, removed: {} });
  });

  it('takes no body or an empty object, and needs the secret key', async () => {
    const gb = server().as(couponShop);
    const bare = await fetch(`${server().baseUrl}/_reference/reset`, {
      method: 'POST',
      headers: { apikey: couponShop.apiKey, secretkey: couponShop.secretKey },
    });
    expect(bare.status).toBe(200);
    const extra = await gb.POST('/_reference/reset', { body: { everything: true } as never });
    expect([extra.response.status, extra.error?.code]).toEqual([422, 3003]); // an unknown field, as everywhere
    const apiKeyOnly = await server().client({ apiKey: couponShop.apiKey }).POST('/_reference/reset', {});
    expect([apiKeyOnly.response.status, apiKeyOnly.error?.code]).toEqual([401, 1001]);
  });

  it('covers every table of the schema, and finds a new one (or reports it when nothing ties it to an account)', async () => {
    const rows = await accountRows(server().store);
    expect(rows.uncovered).toEqual([]);
    const tables = rows.tables.map((t) => t.table);
    for (const table of ['customers', 'ledger_entries', 'lots', 'lot_allocations', 'batch_items', 'coupons']) expect(tables).toContain(table);
    // Children before their parents.
    expect(tables.indexOf('lot_allocations')).toBeLessThan(tables.indexOf('lots'));
    expect(tables.indexOf('lots')).toBeLessThan(tables.indexOf('ledger_entries'));
    expect(tables.indexOf('ledger_entries')).toBeLessThan(tables.indexOf('customers'));
    expect(tables.indexOf('batch_items')).toBeLessThan(tables.indexOf('batch_jobs'));
    const rolledBack = new Error('roll back');
    await expect(
      server().store.transaction(async (tx) => {
        await tx.exec('CREATE TABLE reset_probe_stray (id integer, note text); CREATE TABLE reset_probe_owned (id integer, lot_id integer)');
        const probed = await accountRows(tx);
        expect(probed.uncovered).toEqual(['reset_probe_stray']);
        expect(probed.tables.find((t) => t.table === 'reset_probe_owned')?.owned).toMatch(/^lot_id IN \(SELECT id FROM "lots" WHERE customer_pk IN/);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect((await accountRows(server().store)).uncovered).toEqual([]);
    expect(GLOBAL_TABLES).toContain('schema_migrations');
  });
});
