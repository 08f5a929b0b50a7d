/**
 * Webhook deliveries per second to a receiver on 127.0.0.1: the demo account subscribed through
 * its accounts file, then new customers created through the API (each one a
 * `customer.profile.updated` in the outbox of its transaction), and the time until the receiver
 * has every one of them. On SQLite (one process) and on PostgreSQL (two processes sending from
 * one outbox), each on a fresh server.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup.js';
import { benchDatabase } from './postgres.js';
import { startThisServer, type BenchServer } from './servers.js';
import { HEADERS } from './workloads.js';

export const WEBHOOK_CUSTOMERS = 2_000;
/** Requests in flight while the customers are created. */
const WRITERS = 20;
/** A bound against deliveries that never come, not a target. */
const LIMIT_MS = 120_000;

export interface WebhookLoad {
  storage: string;
  /** Deliveries the receiver got, and how many of them repeated one it already had. */
  received: number;
  repeated: number;
  unsigned: number;
  /** Creating the customers, from the first request to the last answer. */
  writeMs: number;
  /** From the first delivery to the last. */
  deliveryMs: number;
  /** From the last answer of the API to the last delivery: how far the sender trailed. */
  trailMs: number;
  broken?: string;
}

interface Receiver {
  url: string;
  customers: Set<string>;
  times: number[];
  repeated: number;
  unsigned: number;
  server: Server;
}

function startReceiver(): Promise<Receiver> {
  const receiver = { customers: new Set<string>(), times: [] as number[], repeated: 0, unsigned: 0 } as Receiver;
  receiver.server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      receiver.times.push(performance.now());
      if (!/^[0-9a-f]{40}$/.test(String(request.headers['x-gb-signature']))) receiver.unsigned++;
      const customerId = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { customer_id?: string }).customer_id ?? '';
      if (receiver.customers.has(customerId)) receiver.repeated++;
      receiver.customers.add(customerId);
      response.writeHead(200).end();
    });
  });
  return new Promise((resolve) => {
    receiver.server.listen(0, '127.0.0.1', () => {
      const address = receiver.server.address();
      receiver.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks`;
      resolve(receiver);
    });
  });
}

/** The default accounts file with the demo account subscribed to `url`, in a temp folder removed at the end. */
function accountsFileFor(url: string): string {
  const source = fileURLToPath(new URL('../../config/accounts.json', import.meta.url));
  const config = JSON.parse(readFileSync(source, 'utf8')) as { accounts: Array<{ id: string; webhook?: unknown }> };
  for (const account of config.accounts) if (account.id === 'demo') account.webhook = { url, version: 'v4' };
  const dir = mkdtempSync(join(tmpdir(), 'gameball-bench-hooks-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  onCleanup(`remove ${dir}`, remove, remove);
  const file = join(dir, 'accounts.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

async function createCustomers(server: BenchServer, prefix: string): Promise<number> {
  const api = `${server.origin}${server.basePath}`;
  let next = 0;
  const writer = async () => {
    while (next < WEBHOOK_CUSTOMERS) {
      const n = next++;
      const body = JSON.stringify({ customerId: `${prefix}_${n}`, email: `${prefix}_${n}@example.com` });
      const response = await fetch(`${api}/customers`, { method: 'POST', headers: HEADERS, body });
      if (!response.ok) throw new Error(`POST /customers answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
      await response.arrayBuffer();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: WRITERS }, writer));
  return performance.now() - started;
}

async function measure(storage: string, databaseUrl: string | undefined, processes: number, log: (line: string) => void): Promise<WebhookLoad> {
  const receiver = await startReceiver();
  const env = { GAMEBALL_ACCOUNTS_FILE: accountsFileFor(receiver.url) };
  const servers: BenchServer[] = [];
  const load: WebhookLoad = { storage, received: 0, repeated: 0, unsigned: 0, writeMs: 0, deliveryMs: 0, trailMs: 0 };
  try {
    for (let i = 1; i <= processes; i++) servers.push(await startThisServer(`this server (${storage}) #${i}, webhooks`, databaseUrl, [], undefined, env));
    load.writeMs = await createCustomers(servers[0]!, `bench_hook_${Date.now()}`);
    const written = performance.now();
    const until = Date.now() + LIMIT_MS;
    while (receiver.customers.size < WEBHOOK_CUSTOMERS && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    // A moment more, so that a delivery sent twice would show.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const times = receiver.times;
    Object.assign(load, { received: times.length, repeated: receiver.repeated, unsigned: receiver.unsigned });
    if (times.length > 0) {
      load.deliveryMs = times[times.length - 1]! - times[0]!;
      load.trailMs = Math.max(0, times[times.length - 1]! - written);
    }
    if (receiver.customers.size < WEBHOOK_CUSTOMERS) load.broken = `${receiver.customers.size} of ${WEBHOOK_CUSTOMERS} deliveries within ${LIMIT_MS / 1000} s`;
    log(`  ${storage}: ${load.received} deliveries in ${load.deliveryMs.toFixed(0)} ms (${load.repeated} repeated, ${load.unsigned} unsigned), ${load.trailMs.toFixed(0)} ms after the last write`);
  } catch (error) {
    load.broken = (error as Error).message;
    log(`  ${storage}: BROKEN ${load.broken}`);
  }
  await Promise.all(servers.map((server) => server.child.stop()));
  await new Promise((resolve) => receiver.server.close(resolve));
  return load;
}

/** The section on SQLite, then on PostgreSQL with two processes when there is one. */
export async function measureWebhooks(log: (line: string) => void): Promise<{ loads: WebhookLoad[]; note: string }> {
  log(`Webhooks: ${WEBHOOK_CUSTOMERS} new customers per storage, each a profile.updated delivery to a local receiver...`);
  const loads = [await measure('SQLite', undefined, 1, log)];
  const database = await benchDatabase();
  if ('skipped' in database) return { loads, note: database.skipped };
  loads.push(await measure('PostgreSQL, 2 processes', database.url, 2, log));
  return { loads, note: `PostgreSQL: ${database.where}; the customers are created through process #1, both send from the one outbox.` };
}
