import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGameballClient, type GameballClient } from '@gameball-open/client';
import { DEFAULT_ACCOUNTS_FILE } from './config.js';
import type { ListeningMessage } from './main.js';
import { answer, serverClock, type ServerClock } from './testing-clock.js';
import { throwawayDatabase, type Database } from './testing-postgres.js';
import { NODE_FLAGS } from './node-flags.js';

/**
 * The test kit: `startServer()` runs the reference server in a child process on a free loopback
 * port over throwaway storage, with the reference tools on. A child process, not this one: the
 * server's storage (node:sqlite, a worker thread, a pg pool), its timers and its globals stay out
 * of the test runner's workers, a crash of one cannot take the other down, and close() stops it
 * as SIGTERM stops a real server.
 */

/** An account as the accounts file writes it (see the README, "Accounts"). */
export interface TestAccount {
  id: string;
  name?: string;
  apiKey: string;
  secretKey: string;
  highSecurityMode?: boolean;
  referralBaseUrl?: string;
  program?: Record<string, unknown>;
  webhook?: { url: string | null; version?: 'v4' };
}

export type { ServerClock };

export interface StartServerOptions {
  /** The accounts, or the path of an accounts file; default: the demo accounts (demo_apikey first). */
  accounts?: TestAccount[] | string;
  /** One account `test` (keys test_apikey / test_secretkey) with this program; ignored when `accounts` is given. */
  program?: Record<string, unknown>;
  /** 'sqlite' (default: a temporary folder) or a PostgreSQL URL, on whose server a new database is made and dropped at close(). */
  storage?: 'sqlite' | string | { databaseUrl: string; throwaway?: boolean } | { dataDir: string };
  /** Where the server's clock starts (it only moves forward): a later instant than now. */
  clock?: string | Date;
  /** Which keys `client` uses: an apiKey of the accounts; default the first account's. */
  apiKey?: string;
  /** Fixed port instead of a free one. */
  port?: number;
  /** Forward the server's log, at this level, to this process's stderr; by default only why it could not start is kept, for the error. */
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Extra environment for the server process. */
  env?: Record<string, string>;
}

export interface StartedServer {
  /** `http://127.0.0.1:<port>` (the docs at /docs, the spec at /openapi.yaml). */
  origin: string;
  /** `<origin>/api/v4/integrations`, the base URL of the client. */
  baseUrl: string;
  apiKey: string;
  secretKey: string;
  /** The generated client with both keys of the account. */
  client: GameballClient;
  /** A client with other keys (another account, or the apiKey alone). */
  clientFor(keys: { apiKey: string; secretKey?: string }): GameballClient;
  clock: ServerClock;
  /** Deletes every row of the client's account (resetAccount); answers what it removed. */
  reset(): Promise<{ total: number; removed: Record<string, number> }>;
  /** Stops the server and deletes its throwaway storage. */
  close(): Promise<void>;
}

/** Settings the test kit always gives the server. */
const TEST_KIT_ENV: Record<string, string> = {
  GAMEBALL_REFERENCE_TOOLS: 'on',
  // Tests send faster than a shop may: off unless a test turns them on through `env`.
  RATE_LIMITS: 'off',
};

const STARTUP_LIMIT_MS = 60_000;

function serverEntry(): string {
  const here = new URL(import.meta.url);
  // From the sources (the repository's own tests), run the build.
  return fileURLToPath(here.pathname.endsWith('.ts') ? new URL('../dist/main.js', here) : new URL('./main.js', here));
}

function accountsFileFor(options: StartServerOptions, folder: string): string {
  const accounts = options.accounts ?? (options.program ? [{ id: 'test', name: 'Test shop', apiKey: 'test_apikey', secretKey: 'test_secretkey', program: options.program }] : undefined);
  if (accounts === undefined) return DEFAULT_ACCOUNTS_FILE;
  if (typeof accounts === 'string') return accounts;
  const file = join(folder, 'accounts.json');
  writeFileSync(file, JSON.stringify({ referenceTools: true, accounts }, null, 2));
  return file;
}

function keysOf(accountsFile: string, apiKey: string | undefined): { apiKey: string; secretKey: string } {
  const { accounts = [] } = JSON.parse(readFileSync(accountsFile, 'utf8')) as { accounts?: TestAccount[] };
  const account = apiKey === undefined ? accounts[0] : accounts.find((a) => a.apiKey === apiKey);
  if (!account) throw new Error(apiKey === undefined ? `${accountsFile} has no accounts` : `no account has the apiKey '${apiKey}'`);
  return { apiKey: account.apiKey, secretKey: account.secretKey };
}

async function storageFor(option: StartServerOptions['storage'], folder: string): Promise<{ env: Record<string, string>; database?: Database }> {
  if (option === undefined || option === 'sqlite') return { env: { DATA_DIR: join(folder, 'data') } };
  if (typeof option === 'object' && 'dataDir' in option) return { env: { DATA_DIR: option.dataDir } };
  const { databaseUrl, throwaway = true } = typeof option === 'string' ? { databaseUrl: option } : option;
  if (!throwaway) return { env: { DATA_DIR: join(folder, 'data'), DATABASE_URL: databaseUrl } };
  const database = await throwawayDatabase(databaseUrl, `gameball_test_${randomUUID().replaceAll('-', '')}`);
  return { env: { DATA_DIR: join(folder, 'data'), DATABASE_URL: database.url }, database };
}

/** Waits for the server's "listening" message; a server that exits first rejects with what it printed. */
function listening(child: ChildProcess, output: () => string): Promise<ListeningMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start in ${STARTUP_LIMIT_MS / 1000} s: ${output()}`)), STARTUP_LIMIT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.on('message', (message: ListeningMessage) => {
      if (message?.type !== 'gameball-server:listening') return;
      clearTimeout(timer);
      resolve(message);
    });
    // 'close' comes after the output is read to the end, so the message has the server's last words.
    child.once('close', (code) => fail(new Error(`the server exited (${code}) before listening: ${output() || 'no output'}`)));
    child.once('error', fail);
  });
}

/** Starts a reference server for tests; see StartServerOptions. Call close() when done (afterAll). */
export async function startServer(options: StartServerOptions = {}): Promise<StartedServer> {
  const folder = mkdtempSync(join(tmpdir(), 'gameball-server-'));
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(folder, { recursive: true, force: true })];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step();
  };
  try {
    const accountsFile = accountsFileFor(options, folder);
    const keys = keysOf(accountsFile, options.apiKey);
    const storage = await storageFor(options.storage, folder);
    if (storage.database) cleanups.push(() => storage.database!.drop());
    const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: undefined, NODE_ENV: undefined };
    Object.assign(env, { PORT: String(options.port ?? 0), HOST: '127.0.0.1', GAMEBALL_ACCOUNTS_FILE: accountsFile, LOG_LEVEL: options.logLevel ?? 'fatal' });
    Object.assign(env, TEST_KIT_ENV, storage.env, options.env);
    const child = fork(serverEntry(), [], { env, execArgv: [...NODE_FLAGS], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
      if (options.logLevel && options.logLevel !== 'silent') process.stderr.write(chunk);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(force);
      }
    });
    const { origin, baseUrl } = await listening(child, () => output.trim());
    // A server left running must not keep this process alive; when this process ends, the
    // channel closes and the server stops by itself.
    for (const handle of [child, child.channel, child.stdout, child.stderr] as Array<{ unref?: () => void } | null | undefined>) handle?.unref?.();
    const clientFor = (with_: { apiKey: string; secretKey?: string }) => createGameballClient({ baseUrl, ...with_, maxRetries: 0 });
    const client = clientFor(keys);
    const clock = serverClock(client);
    if (options.clock !== undefined) await clock.to(options.clock);
    return {
      origin,
      baseUrl,
      ...keys,
      client,
      clientFor,
      clock,
      reset: async () => answer(await client.POST('/_reference/reset', {}), 'reset'),
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
