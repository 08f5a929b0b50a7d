/**
 * Does reading the leaderboard stall the server? `/health` latency, one request at a time,
 * first alone and then while 10 clients read GET /leaderboard (public key only) on a
 * 100,000-entry account of 10,000 customers, on a fresh server per storage.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup.js';
import { percentile, runLoad, type LoadResult } from './load.js';
import { boardCustomer, BOARD_CUSTOMERS, seedLeaderboard } from './leaderboard-seed.js';
import { startThisServer } from './servers.js';
import type { Workload } from './workloads.js';

export const BOARD_CLIENTS = 10;

export interface Latencies {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LeaderboardLoad {
  storage: string;
  entries: number;
  /** Seconds from starting the server to its first answer (it migrates the seeded database). */
  startSeconds: number;
  idle: Latencies;
  loaded: Latencies;
  board: LoadResult;
  /** The 1-minute load average before and after the run. */
  loadAverage: [number, number];
}

const minute = (ms: number) => encodeURIComponent(new Date(ms).toISOString().slice(0, 16).replace('T', ' '));
const DAY = 86_400_000;

/** All time, the last 30 days, and a week 20 to 13 days ago, each with a customer's rank or a short list. */
function boardReads(now: number): Workload {
  const last30 = minute(now - 30 * DAY - 7 * 60_000);
  const week = `from=${minute(now - 20 * DAY - 13 * 60_000)}&to=${minute(now - 13 * DAY + 29 * 60_000)}`;
  const queries = [(n: number) => `customerId=${boardCustomer(n % BOARD_CUSTOMERS)}`, (n: number) => `from=${last30}&customerId=${boardCustomer(n % BOARD_CUSTOMERS)}`, () => `${week}&limit=10`];
  return {
    name: 'GET /leaderboard',
    kind: 'read',
    headers: { apikey: 'demo_apikey' },
    call: (n) => ({ method: 'GET', path: `/leaderboard?${queries[n % queries.length]!(n)}` }),
  };
}

/** Sequential GET /health until `until()` says stop; the latency of each, in ms. */
async function probeHealth(origin: string, until: () => boolean): Promise<Latencies> {
  const latencies: number[] = [];
  while (!until()) {
    const started = performance.now();
    const response = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(60_000) });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const sorted = Float64Array.from(latencies).sort();
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

/** Seeds a fresh database, starts the server on it and measures; `databaseUrl` for PostgreSQL. */
export async function measureLeaderboardLoad(storage: string, databaseUrl: string | undefined, seconds: number, log: (line: string) => void): Promise<LeaderboardLoad> {
  const before = loadavg()[0]!;
  const dataDir = mkdtempSync(join(tmpdir(), 'gameball-bench-board-'));
  onCleanup(`remove ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }), () => rmSync(dataDir, { recursive: true, force: true }));
  const now = Date.now();
  let started = Date.now();
  const entries = await seedLeaderboard({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) }, now);
  log(`  ${storage}: ${entries.toLocaleString('en-US')} entries seeded in ${((Date.now() - started) / 1000).toFixed(1)}s; starting the server (it migrates them)...`);
  started = Date.now();
  const server = await startThisServer(`this server (${storage}), leaderboard`, databaseUrl, [], dataDir);
  const startSeconds = (Date.now() - started) / 1000;
  try {
    const idleUntil = Date.now() + 2_000;
    const idle = await probeHealth(server.origin, () => Date.now() > idleUntil);
    let loading = true;
    const load = runLoad(boardReads(now), [server], { connections: BOARD_CLIENTS, seconds }).finally(() => {
      loading = false;
    });
    const loaded = await probeHealth(server.origin, () => !loading);
    const board = await load;
    const result = { storage, entries, startSeconds, idle, loaded, board, loadAverage: [before, loadavg()[0]!] as [number, number] };
    log(
      `  ${storage}: /health alone p99 ${idle.p99.toFixed(1)} ms; under ${BOARD_CLIENTS} leaderboard clients p50 ${loaded.p50.toFixed(1)} ms, ` +
        `p99 ${loaded.p99.toFixed(1)} ms, max ${loaded.max.toFixed(1)} ms; leaderboard ${board.perSecond.toFixed(0)} req/s, p99 ${board.p99.toFixed(1)} ms, ${board.non2xx} non-2xx`,
    );
    return result;
  } finally {
    await server.child.stop();
  }
}
