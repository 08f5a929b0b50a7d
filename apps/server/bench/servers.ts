/**
 * The servers under test, each in its own process on 127.0.0.1: the bare Express + validator
 * baseline, this server (SQLite or PostgreSQL) and Prism's mock server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specPath } from '@gameball-open/spec';
import { onCleanup } from './cleanup.js';
import { PROBE_IMPORT } from './probe-client.js';
import { freePort, startChild, type Child } from './processes.js';
import { HEADERS } from './workloads.js';
import { NODE_FLAGS } from '../src/node-flags.js';

export interface BenchServer {
  label: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The path the API's operations hang under ('' for Prism, which ignores relative servers). */
  basePath: string;
  child: Child;
  /** The bench probe's origin in that process (event-loop lag, PostgreSQL round trips), if loaded. */
  probe?: string | undefined;
}

const API_BASE = '/api/v4/integrations';
const mainJs = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const bareJs = fileURLToPath(new URL('./bare-server.js', import.meta.url));

/** The environment a child starts from: the orchestrator's, without the server settings it may carry. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['LOG_LEVEL', 'DATABASE_URL', 'DATA_DIR', 'GAMEBALL_ACCOUNTS_FILE', 'PORT', 'HOST', 'NODE_OPTIONS', 'RATE_LIMITS']) delete env[name];
  return env;
}

/** Polls `path` until it answers 200; fails early when the process ends. */
async function waitReady(server: BenchServer, path: string, timeoutMs: number): Promise<BenchServer> {
  const until = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < until) {
    if (server.child.hasExited()) {
      throw new Error(`${server.label} exited (${await server.child.exited}) before it was ready:\n${server.child.stderrTail()}`);
    }
    try {
      const response = await fetch(server.origin + path, { headers: HEADERS, signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.child.stop();
  throw new Error(`${server.label} was not ready within ${timeoutMs / 1000}s (last: ${last})\n${server.child.stderrTail()}`);
}

/** (a) Express 5 + express-openapi-validator with default options and trivial handlers. */
export async function startBare(): Promise<BenchServer> {
  const port = await freePort();
  const probePort = await freePort();
  const env = { ...baseEnv(), NODE_ENV: 'production', RATE_LIMITS: 'off', PORT: String(port), HOST: '127.0.0.1', BENCH_PROBE_PORT: String(probePort) };
  const child = startChild('bare Express', process.execPath, [...PROBE_IMPORT, bareJs], env);
  const server = { label: 'bare Express + validator', origin: `http://127.0.0.1:${port}`, basePath: API_BASE, child, probe: `http://127.0.0.1:${probePort}` };
  return waitReady(server, '/health', 30_000);
}

/**
 * (b) `node <NODE_FLAGS> dist/main.js`, as `pnpm start` runs it, in production mode with its
 * default logging sent nowhere, on a fresh DATA_DIR (or the one given, which the caller removes).
 */
export async function startThisServer(
  label: string,
  databaseUrl?: string,
  nodeArgs: string[] = [],
  givenDataDir?: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'gameball-bench-'));
  if (!givenDataDir) {
    const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
    onCleanup(`remove ${dataDir}`, removeDir, removeDir);
  }
  const probePort = await freePort();
  const env: NodeJS.ProcessEnv = { ...baseEnv(), NODE_ENV: 'production', RATE_LIMITS: 'off', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BENCH_PROBE_PORT: String(probePort), ...extraEnv };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = startChild(label, process.execPath, [...PROBE_IMPORT, ...NODE_FLAGS, ...nodeArgs, mainJs], env);
  const server = { label, origin: `http://127.0.0.1:${port}`, basePath: API_BASE, child, probe: `http://127.0.0.1:${probePort}` };
  return waitReady(server, '/health', 60_000);
}

/** (c) Prism's mock server, fetched on demand by npx (not a dependency of the workspace). */
export async function startPrism(): Promise<BenchServer> {
  const port = await freePort();
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const args = ['--yes', '@stoplight/prism-cli@5', 'mock', '-h', '127.0.0.1', '-p', String(port), specPath];
  const child = startChild('Prism', npx, args, { ...baseEnv(), npm_config_update_notifier: 'false' });
  const server = { label: 'Prism 5 mock', origin: `http://127.0.0.1:${port}`, basePath: '', child };
  // The first run downloads Prism; later runs find it in npm's cache.
  return waitReady(server, '/customers/ready/balance', 180_000);
}
