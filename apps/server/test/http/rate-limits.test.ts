import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGameballClient } from '@gameball-open/client';
import { accountDirectory, loadAccountsFile, type Account } from '../../src/accounts.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openStore, type Store } from '../../src/open-store.js';
import { GAMEBALL_RATE_LIMITS } from '../../src/rate-limit-table.js';
import { demo, freshStorage, nowIso, type StorageLocation } from '../support/harness.js';
import { call, expectError } from './helpers.js';

/** Accounts with their own limits (the accounts file's `rateLimits`) besides the demo account's Gameball limits. */
const limited: Account = {
  ...demo,
  id: 'limited',
  apiKey: 'limited_apikey',
  rateLimits: {
    ...GAMEBALL_RATE_LIMITS,
    others: { perSecond: 2, per30Seconds: 3 },
    'transactions.read': { perSecond: 1, per30Seconds: 100 },
    'transactions.write': { perSecond: 1, per30Seconds: 100 },
  },
};
const unlimited: Account = { ...demo, id: 'unlimited', apiKey: 'unlimited_apikey', rateLimits: false };

describe('rate limits per account and resource (behaviour.md 1.4)', () => {
  /** The limiter's clock: the start of a 30-second window, moved by the tests. */
  let now = Date.UTC(2026, 0, 1);
  let location: StorageLocation;
  let store: Store;
  let server: Server;
  let baseUrl = '';
  beforeAll(async () => {
    location = await freshStorage('sqlite');
    store = await openStore({ dataDir: location.dataDir });
    const app = createApp({
      store,
      accounts: accountDirectory([demo, limited, unlimited]),
      logger: pino({ level: 'silent' }),
      referenceTools: true,
      rateLimits: { now: () => now },
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4/integrations`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    await location.drop();
  });

  const as = (account: Account) => ({ apikey: account.apiKey, secretkey: account.secretKey });
  const widget = (account: Account) => call(`${baseUrl}/configurations/widget`, { headers: as(account) });

  it("allows Gameball's 30 requests a second to the other resources, then answers 429/4000 with Retry-After until the next second", async () => {
    now = Date.UTC(2026, 0, 1, 0, 1);
    for (let i = 0; i < 30; i++) expect((await widget(demo)).status).toBe(200);
    const refused = await widget(demo);
    expectError(refused, 429, 4000);
    expect(refused.body.type).toBe('GENERAL_ERROR');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.message).toMatch(/at most 30 a second and 360 in 30 seconds/);
    // Another resource (customer reads: 100 a second) and another account go on.
    expect((await call(`${baseUrl}/customers/nobody`, { headers: as(demo) })).status).toBe(404);
    expect((await widget(limited)).status).toBe(200);
    now += 1000;
    expect((await widget(demo)).status).toBe(200);
  });

  it('counts the 30-second quota too: Retry-After then says when the window ends', async () => {
    now = Date.UTC(2026, 0, 1, 0, 2);
    expect((await widget(limited)).status).toBe(200);
    expect((await widget(limited)).status).toBe(200);
    expect((await widget(limited)).headers.get('retry-after')).toBe('1');
    now += 1000;
    expect((await widget(limited)).status).toBe(200);
    const quota = await widget(limited);
    expectError(quota, 429, 4000);
    expect(quota.headers.get('retry-after')).toBe('29');
    now += 29_000;
    expect((await widget(limited)).status).toBe(200);
  });

  it("counts the public key's requests against the same budget as the shop's backend: apikey-only callers can use it up", async () => {
    now = Date.UTC(2026, 0, 1, 0, 4);
    const publicOnly = () => call(`${baseUrl}/configurations/widget`, { headers: { apikey: limited.apiKey } });
    expect((await publicOnly()).status).toBe(200);
    expect((await publicOnly()).status).toBe(200);
    // The backend, holding both keys, now meets the limit the public key used up.
    expectError(await widget(limited), 429, 4000);
    now += 1000;
    expect((await widget(limited)).status).toBe(200);
  });

  it('counts transaction reads and writes apart, and a refused write writes nothing', async () => {
    now = Date.UTC(2026, 0, 1, 0, 3);
    const gb = createGameballClient({ baseUrl, apiKey: limited.apiKey, secretKey: limited.secretKey, maxRetries: 0 });
    const customerId = `rl_${Date.now()}`;
    expect((await gb.POST('/customers', { body: { customerId } })).response.status).toBe(200);
    const manual = (transactionId: string) =>
      gb.POST('/transactions/manual', { body: { customerId, transactionId, transactionTime: nowIso(), username: 'admin', reason: 'test', points: 10 } });
    expect((await gb.GET('/transactions', { params: { query: { customerId } } })).response.status).toBe(200);
    expect((await gb.GET('/transactions', { params: { query: { customerId } } })).response.status).toBe(429);
    expect((await manual('rl-1')).response.status).toBe(200);
    const refused = await manual('rl-2');
    expect(refused.response.status).toBe(429);
    expect(refused.error).toMatchObject({ code: 4000 });
    now += 1000;
    const { data } = await gb.GET('/customers/{customerId}/balance', { params: { path: { customerId } } });
    expect(data!.totalPointsBalance).toBe(10);
    expect((await manual('rl-2')).response.status).toBe(200);
  });

  it('never limits an account whose rateLimits are false, nor the reference tools', async () => {
    now = Date.UTC(2026, 0, 1, 0, 4);
    for (let i = 0; i < 40; i++) expect((await widget(unlimited)).status).toBe(200);
    for (let i = 0; i < 3; i++) await widget(limited);
    expect((await widget(limited)).status).toBe(429);
    expect((await call(`${baseUrl}/_reference/clock`, { headers: as(limited) })).status).toBe(200);
  });

  it('retries through the client: a 429 is sent again after its Retry-After', async () => {
    now = Date.UTC(2026, 0, 1, 0, 5);
    for (let i = 0; i < 2; i++) await widget(limited);
    const gb = createGameballClient({ baseUrl, apiKey: limited.apiKey, secretKey: limited.secretKey, maxRetries: 1 });
    setTimeout(() => (now += 1000), 200);
    const { response } = await gb.GET('/configurations/widget');
    expect(response.status).toBe(200);
  });
});

describe('the rate limit settings', () => {
  it('are on unless RATE_LIMITS=off', () => {
    expect(loadConfig({}).rateLimits).toBe(true);
    expect(loadConfig({ RATE_LIMITS: 'on' }).rateLimits).toBe(true);
    expect(loadConfig({ RATE_LIMITS: 'off' }).rateLimits).toBe(false);
    expect(() => loadConfig({ RATE_LIMITS: 'no' })).toThrow("RATE_LIMITS must be on or off, not 'no'.");
  });

  it("read an account's limits from the accounts file, Gameball's for the resources it leaves out, and name a bad field", () => {
    const dir = mkdtempSync(join(tmpdir(), 'gameball-rate-'));
    const file = (rateLimits: unknown) => {
      const path = join(dir, `accounts-${Math.random()}.json`);
      writeFileSync(path, JSON.stringify({ accounts: [{ id: 'a', apiKey: 'k', secretKey: 's', rateLimits }] }));
      return path;
    };
    expect(loadAccountsFile(file(undefined)).accounts[0]!.rateLimits).toEqual(GAMEBALL_RATE_LIMITS);
    expect(loadAccountsFile(file(false)).accounts[0]!.rateLimits).toBe(false);
    const events = loadAccountsFile(file({ events: { perSecond: 5, per30Seconds: 50 } })).accounts[0]!.rateLimits;
    expect(events).toEqual({ ...GAMEBALL_RATE_LIMITS, events: { perSecond: 5, per30Seconds: 50 } });
    expect(() => loadAccountsFile(file({ event: { perSecond: 5, per30Seconds: 50 } }))).toThrow(/accounts\[0\]\.rateLimits\.event is not a resource/);
    expect(() => loadAccountsFile(file({ events: { perSecond: 0, per30Seconds: 50 } }))).toThrow(/rateLimits\.events\.perSecond must be a whole number >= 1/);
  });
});
