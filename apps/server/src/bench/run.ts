/**
 * `pnpm bench`: the same points workload against the server on each storage, side by side in
 * one run, reported as throughput, latency and memory, with ratios to SQLite.
 * PostgreSQL joins when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server where a
 * throw-away database may be created. Targets 127.0.0.1 only; bounded in requests.
 */
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { accountDirectory, loadAccountsFile } from '../accounts.js';
import { createApp } from '../app.js';
import { DEFAULT_ACCOUNTS_FILE } from '../config.js';
import { openStore, type Store } from '../store/store.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const CUSTOMERS = 50;
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const { accounts } = loadAccountsFile(DEFAULT_ACCOUNTS_FILE);
const demo = accounts[0]!;

interface Result {
  storage: string;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  rssMb: number;
  failures: number;
}

async function workload(storage: string, store: Store): Promise<Result> {
  const app = createApp({ store, accounts: accountDirectory(accounts), logger: pino({ level: 'silent' }), validateResponses: false });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4/integrations`;
  const headers = { apikey: demo.apiKey, secretkey: demo.secretKey, 'content-type': 'application/json' };
  const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const run = `${storage}${Date.now()}`;
  for (let i = 0; i < CUSTOMERS; i++) {
    await post('/customers', { customerId: `${run}_${i}` });
    await post('/transactions/manual', { customerId: `${run}_${i}`, transactionId: `${run}_seed_${i}`, transactionTime: new Date().toISOString(), username: 'bench', reason: 'seed', points: 1_000_000 });
  }
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const n = next++;
        const customerId = `${run}_${n % CUSTOMERS}`;
        const transactionId = `${run}_${n}`;
        const transactionTime = new Date().toISOString();
        const t0 = performance.now();
        const response =
          n % 10 < 5
            ? await post('/transactions/cashback', { customerId, transactionId, transactionTime, amount: 10 + (n % 90) + 0.25 })
            : n % 10 < 8
              ? await post('/transactions/redeem', { customerId, transactionId, transactionTime, points: 1 + (n % 40) })
              : await fetch(`${base}/customers/${customerId}/balance`, { headers });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  server.close();
  latencies.sort((a, b) => a - b);
  return {
    storage,
    seconds,
    perSecond: REQUESTS / seconds,
    p50: latencies[Math.floor(latencies.length * 0.5)]!,
    p95: latencies[Math.floor(latencies.length * 0.95)]!,
    rssMb: (process.memoryUsage().rss - rssBefore) / 2 ** 20,
    failures,
  };
}

async function main() {
  const results: Result[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'gameball-bench-'));
  const sqlite = await openStore({ dataDir });
  results.push(await workload('sqlite', sqlite));
  await sqlite.close();
  rmSync(dataDir, { recursive: true, force: true });

  if (adminUrl) {
    const name = `gb_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const postgres = await openStore({ databaseUrl: url.toString(), dataDir });
    results.push(await workload('postgres', postgres));
    await postgres.close();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  } else {
    console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to include it.');
  }

  const [first] = results;
  console.log(`\n${REQUESTS} requests (50% cashback, 30% redeem, 20% balance), ${CONCURRENCY} at a time, ${CUSTOMERS} customers, Node ${process.version}`);
  console.log('storage    req/s   ratio   p50 ms   p95 ms   RSS growth MB   non-200');
  for (const r of results) {
    console.log(
      `${r.storage.padEnd(9)} ${r.perSecond.toFixed(0).padStart(6)} ${(r.perSecond / first!.perSecond).toFixed(2).padStart(7)} ` +
        `${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.rssMb.toFixed(1).padStart(15)} ${String(r.failures).padStart(9)}`,
    );
  }
}

await main();
