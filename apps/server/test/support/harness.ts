import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createGameballClient, type GameballClient } from '@gameball-open/client';
import { accountDirectory, loadAccountsFile } from '../../src/accounts.js';
import { createApp } from '../../src/app.js';
import { createHttpServer, listen } from '../../src/http/listen.js';
import { fileURLToPath } from 'node:url';
import { AdjustableClock } from '../../src/clock.js';
import { JOBS } from '../../src/jobs/index.js';
import { jobRunner, type JobRunner } from '../../src/jobs/runner.js';
import { openStore, type Store } from '../../src/open-store.js';

export type StorageKind = 'sqlite' | 'postgres';

/** A PostgreSQL server the tests may create databases on (see global-setup.ts), or ''. */
const adminUrl = inject('testDatabaseUrl');
if (process.env.REQUIRE_POSTGRES === '1' && !adminUrl) {
  throw new Error('REQUIRE_POSTGRES=1 but no PostgreSQL is available: the PostgreSQL tests cannot run.');
}

/** SQLite always; PostgreSQL too when a server is available. */
export const storages: StorageKind[] = adminUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/** The test accounts: the demo keys plus programs with return windows, expiry, OTP and so on. */
export const ACCOUNTS_FILE = fileURLToPath(new URL('../fixtures/accounts.json', import.meta.url));
const file = loadAccountsFile(ACCOUNTS_FILE);
export const accounts = accountDirectory(file.accounts);
const account = (apiKey: string) => accounts.byApiKey(apiKey)!;
export const demo = account('demo_apikey');
export const demoHsm = account('demo_hsm_apikey');
/** A webhook subscription in the accounts file (a loopback port where nothing listens). */
export const hooked = account('hooked_apikey');
/** High security mode (every operation needs both keys) on a program with campaigns, referrals and channel merging by email. */
export const shopHsm = account('shop_hsm_apikey');
export const timed = account('timed_apikey');
export const secure = account('secure_apikey');
export const noCashback = account('nocashback_apikey');
/** The complete engagement program: tiers, campaigns, referrals, two languages, channel merging by email. */
export const shop = account('shop_apikey');
/** Tiers by points earned, whose entry rewards can lift a customer again; the top tier earns 3x. */
export const climb = account('climb_apikey');
/** Tiers and the leaderboard by score. */
export const scored = account('scored_apikey');
/** Referrals rewarding only the referrer once the friend fires `subscribed` with a paid plan; an extra reward every 2 friends. */
export const referOnly = account('referonly_apikey');
/** PlayerAndGuest referrals (both rewarded on the friend's order); the widget turned off. */
export const referGuest = account('referguest_apikey');
/** Orders earn on totalPaid - totalShipping - totalTax; 5 points per 10, a point worth 0.1. */
export const shopNet = account('shopnet_apikey');
/** Birthday and Anniversary campaigns only. */
export const calendar = account('calendar_apikey');
/** Redemption rules of every kind, at most 3 usable coupons a customer, coupon expiry defaults and cap, automatic promotions. */
export const couponShop = account('coupons_apikey');

/** Where one test's data lives: a fresh SQLite folder or a fresh PostgreSQL database. */
export interface StorageLocation {
  kind: StorageKind;
  dataDir: string;
  databaseUrl?: string;
  drop(): Promise<void>;
}

export async function freshStorage(kind: StorageKind): Promise<StorageLocation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gameball-test-'));
  if (kind === 'sqlite') {
    return { kind, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `gb_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    dataDir,
    databaseUrl: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestServer {
  origin: string;
  baseUrl: string;
  store: Store;
  clock: AdjustableClock;
  /** The server's background jobs (runOnce writes what is due now). */
  jobs: JobRunner;
  /** A client with the demo account's keys (or the ones given). */
  client(keys?: { apiKey: string; secretKey?: string }): GameballClient;
  /** A client with both keys of an account. */
  as(account: { apiKey: string; secretKey: string }): GameballClient;
  /** Stops listening and closes the store; the storage stays. */
  close(): Promise<void>;
}

/** Starts the real app in this process on a free loopback port. */
export async function startServer(
  location: StorageLocation,
  options: { clock?: AdjustableClock; sweepEveryMs?: number | null; wrapStore?: (store: Store) => Store } = {},
): Promise<TestServer> {
  const opened = await openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir });
  const store = options.wrapStore ? options.wrapStore(opened) : opened;
  const clock = options.clock ?? new AdjustableClock();
  const logger = pino({ level: 'silent' });
  const everyMs = options.sweepEveryMs ?? undefined;
  const jobs = jobRunner(JOBS, { store, accounts, clock, logger }, everyMs ? { everyMs } : {});
  await jobs.prepare();
  // Rate limits off: tests send faster than an account may (test/http/rate-limits.test.ts turns them on).
  const app = createApp({ store, accounts, logger, validateResponses: true, referenceTools: file.referenceTools, clock, jobs, rateLimits: false });
  // The same HTTP server as main.ts, so the tests see its clientError answers too.
  const server: Server = createHttpServer(app, logger);
  // null: no background jobs (due work is then written only by requests and the test clock).
  if (options.sweepEveryMs !== null) jobs.start();
  const { port } = await listen(server, 0, '127.0.0.1');
  const origin = `http://127.0.0.1:${port}`;
  const baseUrl = `${origin}/api/v4/integrations`;
  return {
    origin,
    baseUrl,
    store,
    clock,
    jobs,
    client: (keys = { apiKey: demo.apiKey, secretKey: demo.secretKey }) =>
      createGameballClient({ baseUrl, ...keys, maxRetries: 0 }),
    as: (account) => createGameballClient({ baseUrl, apiKey: account.apiKey, secretKey: account.secretKey, maxRetries: 0 }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs.stop();
      await store.close();
    },
  };
}

/** A unique ID per test run, so tests never collide on customer or transaction IDs. */
export function uid(prefix: string): string {
  return `${prefix}_${randomUUID().slice(0, 8)}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * One server on fresh storage for the test file (or describe block) that calls it; stopped and
 * its storage dropped afterwards. Call the returned function inside tests.
 */
export function serverForTests(kind: StorageKind): () => TestServer {
  let location: StorageLocation | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    location = await freshStorage(kind);
    server = await startServer(location);
  });
  afterAll(async () => {
    await server?.close();
    await location?.drop();
  });
  return () => {
    if (!server) throw new Error('the test server is not started yet');
    return server;
  };
}

/**
 * A suite run once per storage (SQLite, and PostgreSQL where available), each on its own server
 * over fresh storage: `describeOnStorages('refunds', (server) => { it(...) })`.
 */
export function describeOnStorages(name: string, suite: (server: () => TestServer, kind: StorageKind) => void): void {
  describe.each(storages)(`${name} on %s`, (kind) => suite(serverForTests(kind), kind));
}
