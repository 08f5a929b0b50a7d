/**
 * How long a batch of 1,000 orders takes from the POST that submits it to the status that says
 * it completed: on SQLite (one process) and on PostgreSQL (two processes draining one queue),
 * on a fresh server per storage, a few runs each. The orders are 100 customers' 10 each, with
 * two lines, as a shop syncing a day of orders sends them.
 */
import pg from 'pg';
import { benchDatabase } from './postgres.js';
import { startThisServer, type BenchServer } from './servers.js';
import { HEADERS } from './workloads.js';

export const BATCH_ITEMS = 1_000;
export const BATCH_RUNS = 3;
/** How often the client reads the status while it waits. */
export const POLL_MS = 25;
/** A bound against a batch that never ends, not a target. */
const LIMIT_MS = 120_000;

export interface BatchRun {
  /** From sending the POST to reading a completed status, as a client sees it. */
  clientMs: number;
  /** From the job's createdAt to its finishedAt, as the server stamped them. */
  serverMs: number;
  /** Items applied by each process (PostgreSQL). */
  perWorker: number[];
}

export interface BatchLoad {
  storage: string;
  bodyBytes: number;
  runs: BatchRun[];
  /** Why a run did not end as it should, when one did not. */
  broken?: string;
}

function orders(run: number): unknown[] {
  const now = new Date(Date.now() - 60_000).toISOString();
  return Array.from({ length: BATCH_ITEMS }, (_, i) => ({
    customerId: `bench_batch_${run}_${i % 100}`,
    orderId: `bench-batch-${run}-${i}`,
    orderDate: now,
    totalPaid: 40 + (i % 60),
    lineItems: [
      { productId: `SKU-${i % 37}`, price: 20, quantity: 1 },
      { productId: `SKU-${i % 41}`, price: 20 + (i % 60), quantity: 1 },
    ],
  }));
}

async function json(response: Response): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** One batch: submit, poll until it ended, check every item succeeded. */
async function runOnce(server: BenchServer, run: number): Promise<{ run: Omit<BatchRun, 'perWorker'>; jobId: number; bodyBytes: number }> {
  const body = JSON.stringify({ body: orders(run) });
  const api = `${server.origin}${server.basePath}`;
  const started = performance.now();
  const { jobId } = (await json(await fetch(`${api}/batch/orders`, { method: 'POST', headers: HEADERS, body }))) as { jobId: number };
  const until = Date.now() + LIMIT_MS;
  for (;;) {
    const status = await json(await fetch(`${api}/batches/${jobId}/status`, { headers: HEADERS }));
    if (['completed', 'failed', 'stopped'].includes(status.status as string)) {
      const clientMs = performance.now() - started;
      if (status.finishedCount !== BATCH_ITEMS) throw new Error(`batch ${jobId} ended ${status.status} with ${status.finishedCount} of ${BATCH_ITEMS} items applied`);
      const serverMs = Date.parse(status.finishedAt as string) - Date.parse(status.createdAt as string);
      return { run: { clientMs, serverMs }, jobId, bodyBytes: Buffer.byteLength(body) };
    }
    if (Date.now() > until) throw new Error(`batch ${jobId} did not end within ${LIMIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function workersOf(databaseUrl: string, jobId: number): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM batch_items WHERE job_id = $1 GROUP BY worker ORDER BY worker', [jobId]);
    return rows.map((row) => Number(row.n));
  } finally {
    await client.end();
  }
}

async function measure(storage: string, servers: BenchServer[], databaseUrl: string | undefined, log: (line: string) => void): Promise<BatchLoad> {
  const load: BatchLoad = { storage, bodyBytes: 0, runs: [] };
  try {
    for (let run = 0; run < BATCH_RUNS; run++) {
      const done = await runOnce(servers[0]!, run);
      load.bodyBytes = done.bodyBytes;
      const perWorker = databaseUrl ? await workersOf(databaseUrl, done.jobId) : [BATCH_ITEMS];
      load.runs.push({ ...done.run, perWorker });
      log(`  ${storage}: ${BATCH_ITEMS} orders in ${done.run.clientMs.toFixed(0)} ms (server ${done.run.serverMs} ms), items per process ${perWorker.join(' + ')}`);
    }
  } catch (error) {
    load.broken = (error as Error).message;
    log(`  ${storage}: BROKEN ${load.broken}`);
  }
  await Promise.all(servers.map((server) => server.child.stop()));
  return load;
}

/** The section on SQLite, then on PostgreSQL with two processes when there is one; answers the runs and a note on PostgreSQL. */
export async function measureBatches(log: (line: string) => void): Promise<{ loads: BatchLoad[]; note: string }> {
  log(`Batches: ${BATCH_RUNS} batches of ${BATCH_ITEMS} orders per storage, each on a fresh server...`);
  const loads = [await measure('SQLite', [await startThisServer('this server (SQLite), batches')], undefined, log)];
  const database = await benchDatabase();
  if ('skipped' in database) return { loads, note: database.skipped };
  const first = await startThisServer('this server (PostgreSQL) #1, batches', database.url);
  const second = await startThisServer('this server (PostgreSQL) #2, batches', database.url);
  loads.push(await measure('PostgreSQL, 2 processes', [first, second], database.url, log));
  return { loads, note: `PostgreSQL: ${database.where}; the batch is sent to process #1, both take its items.` };
}
