import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startServer, type StartedServer, type StartServerOptions } from '../../src/testing.js';
import { storages, uid } from '../support/harness.js';

const adminUrl = inject('testDatabaseUrl');

/** A contract test as a user writes it: a customer earns cashback on 100, the balance says so. */
async function earnAndRead(server: StartedServer, customerId: string) {
  const gb = server.client;
  expect((await gb.POST('/customers', { body: { customerId } })).error).toBeUndefined();
  const cashback = await gb.POST('/transactions/cashback', { body: { customerId, transactionId: uid('pay'), transactionTime: new Date().toISOString(), amount: 100 } });
  expect(cashback.error).toBeUndefined();
  const { data, error } = await gb.GET('/customers/{customerId}/balance', { params: { path: { customerId } } });
  expect(error).toBeUndefined();
  return data!;
}

describe.each(storages)('the test kit on %s', (kind) => {
  const started: StartedServer[] = [];
  afterAll(async () => {
    await Promise.all(started.map((server) => server.close()));
  });
  const start = async (options: StartServerOptions = {}) => {
    const server = await startServer({ ...options, ...(kind === 'postgres' ? { storage: adminUrl } : {}) });
    started.push(server);
    return server;
  };

  it('starts a server with the demo account and the reference tools on; reset empties it; the clock moves', async () => {
    const server = await start();
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v4\/integrations$/);
    expect(server.apiKey).toBe('demo_apikey');
    const balance = await earnAndRead(server, 'kit-1');
    expect(balance.totalPointsBalance).toBe(30); // demo: 3 points per 10 spent
    const reset = await server.reset();
    expect(reset.removed.customers).toBe(1);
    const gone = await server.client.GET('/customers/{customerId}/balance', { params: { path: { customerId: 'kit-1' } } });
    expect(gone.response.status).toBe(404);
    expect(await earnAndRead(server, 'kit-1')).toMatchObject({ totalPointsBalance: 30, availablePointsBalance: 30 });
    const before = await server.clock.now();
    const after = await server.clock.advance(86_400);
    expect(after.getTime() - before.getTime()).toBeGreaterThanOrEqual(86_400_000);
  });

  it('runs the program given, from the clock given, each server on storage of its own', async () => {
    const program = { currency: 'EUR', cashback: { amountRewardThreshold: 10, rewardWalletFactor: 5 } };
    const startAt = new Date(Date.now() + 10 * 86_400_000);
    const [one, two] = await Promise.all([start({ program, clock: startAt }), start({ program })]);
    expect([one.apiKey, one.secretKey]).toEqual(['test_apikey', 'test_secretkey']);
    expect((await one.clock.now()).getTime()).toBeGreaterThanOrEqual(startAt.getTime());
    expect((await earnAndRead(one, 'kit-2')).totalPointsBalance).toBe(50);
    const elsewhere = await two.client.GET('/customers/{customerId}', { params: { path: { customerId: 'kit-2' } } });
    expect(elsewhere.response.status).toBe(404);
  });
});

describe('starting and stopping', () => {
  const ownTmp = mkdtempSync(join(tmpdir(), 'gameball-kit-'));
  const previous = process.env.TMPDIR;
  afterAll(() => {
    process.env.TMPDIR = previous;
    rmSync(ownTmp, { recursive: true, force: true });
  });

  it('close() stops the server and removes its throwaway storage', async () => {
    process.env.TMPDIR = join(ownTmp, 'closing');
    mkdirSync(process.env.TMPDIR);
    const server = await startServer();
    process.env.TMPDIR = previous;
    expect((await fetch(`${server.origin}/health`)).status).toBe(200);
    expect(readdirSync(join(ownTmp, 'closing'))).toHaveLength(1);
    await server.close();
    expect(await fetch(`${server.origin}/health`).then(() => 'up', () => 'down')).toBe('down');
    expect(readdirSync(join(ownTmp, 'closing'))).toEqual([]);
  });

  it('rejects with what the server said when it cannot start, and leaves nothing behind', async () => {
    process.env.TMPDIR = join(ownTmp, 'failing');
    mkdirSync(process.env.TMPDIR);
    const failing = startServer({ accounts: [{ id: 'x', apiKey: 'k', secretKey: 's', program: { currency: 12 } }] });
    process.env.TMPDIR = previous;
    await expect(failing).rejects.toThrow(/the server exited \(1\) before listening: .*program\.currency/);
    expect(readdirSync(join(ownTmp, 'failing'))).toEqual([]);
  });
});
