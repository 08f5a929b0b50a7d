/**
 * `pnpm bench`: the same request streams against (a) bare Express + express-openapi-validator,
 * (b) this server and (c) Prism's mock server, each in its own process on 127.0.0.1, with
 * autocannon in this process, taking turns in BENCH_ROUNDS rounds (rounds.ts) after an unmeasured
 * warm-up (BENCH_WARMUP); then this server as two processes on one PostgreSQL database;
 * then the latency of a 10-entry against a 10,000-entry customer; then `/health` while 10 clients
 * read the leaderboard of a 100,000-entry account (BENCH_ONLY=leaderboard runs only that part);
 * then a batch of 1,000 orders from submit to completed (BENCH_ONLY=batches runs only that part);
 * then webhook deliveries per second to a local receiver (BENCH_ONLY=webhooks).
 * Progress goes to stderr, the markdown report to stdout. Every child, temp folder and database is removed at the end, on
 * an error and on Ctrl-C; the run has a deadline.
 */
import { createRequire } from 'node:module';
import { availableParallelism, cpus, platform, arch } from 'node:os';
import { measureBatches } from './batch-load.js';
import { measureWebhooks } from './webhook-load.js';
import { cleanupAll, installCleanupHandlers } from './cleanup.js';
import { BIG_ENTRIES, measureHistory, SAMPLES } from './history.js';
import { BOARD_CLIENTS, measureLeaderboardLoad, type LeaderboardLoad } from './leaderboard-load.js';
import { brokenReason, runLoad } from './load.js';
import { benchDatabase } from './postgres.js';
import { readProbes, resetProbes } from './probe-client.js';
import { cpuSeconds, cpuSince, peakRssMb, resetPeakRss } from './processes.js';
import { printBatches, printLeaderboards, printWebhooks } from './print-sections.js';
import { poolMeasured, ROUND_STRIDE } from './rounds.js';
import { figuresTable, historyTable, postgresScaleNote, postgresTable, ratiosTable, TARGETS, type Measured, type WorkloadRow } from './report.js';
import { startBare, startPrism, startThisServer, type BenchServer } from './servers.js';
import { CUSTOMERS, seed, workloads, type Workload } from './workloads.js';

/** A whole-number setting from the environment, `fallback` when unset, refused outside `min`..`max`. */
function setting(name: string, fallback: number, { min = 1, max = Number.POSITIVE_INFINITY } = {}): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min}${Number.isFinite(max) ? ` to ${max}` : ' up'}, not '${process.env[name]}'`);
  }
  return value;
}
const SECONDS = setting('BENCH_SECONDS', 10);
/** BENCH_SECONDS of each workload on each server is split into this many interleaved rounds (rounds.ts). */
const ROUNDS = setting('BENCH_ROUNDS', 2, { max: 4 });
const ROUND_SECONDS = Math.max(1, Math.round(SECONDS / ROUNDS));
/** How long the leaderboard readers run, per storage. */
const BOARD_SECONDS = Math.min(SECONDS, 5);
const ONLY = process.env.BENCH_ONLY;
const SECTIONS = ['leaderboard', 'batches', 'webhooks', 'workloads'];
if (ONLY !== undefined && !SECTIONS.includes(ONLY)) throw new Error(`BENCH_ONLY may only be one of ${SECTIONS.join(', ')}, not '${ONLY}'`);
const CONNECTIONS = setting('BENCH_CONNECTIONS', 50);
/** How long building the 10,000-entry ledger may take (each write costs more as it grows). */
const HISTORY_BUDGET = Math.max(20, 5 * SECONDS);
const runStarted = Date.now();
const log = (line: string) => console.error(`[${((Date.now() - runStarted) / 1000).toFixed(0).padStart(3)}s] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const broken: string[] = [];
let rssPerWorkload = true;

/**
 * Each server runs each workload this long, unmeasured, before its first measured round (0 for
 * none): its first answers are its code's first runs (interpreted until V8 compiles it) and, for
 * orders, every customer's first order, which slowed a fresh server's first half second enough
 * to move its p99 by a sixth. Measured rounds then compare the servers warm, as they serve in use.
 */
const WARMUP_SECONDS = setting('BENCH_WARMUP', 1, { min: 0, max: 10 });
/** Warm-up request ids start here, past those of every round and of the runs at one connection. */
const WARMUP_FIRST_REQUEST = 20_000_000;

/** BENCH_CONNECTIONS split over `servers` processes that share the load. */
const connectionsEach = (servers: number) => Math.max(1, Math.round(CONNECTIONS / servers));

/** The unmeasured warm-up of `workload` on `servers` sharing the load, as a measured run would load them. */
async function warmUp(workload: Workload, servers: BenchServer[]): Promise<void> {
  if (WARMUP_SECONDS === 0) return;
  await runLoad(workload, servers, { connections: connectionsEach(servers.length), seconds: WARMUP_SECONDS, firstRequest: WARMUP_FIRST_REQUEST });
}

/** The stall check: each workload again at one connection, for this long. */
const ALONE_SECONDS = Math.min(SECONDS, 3);
/** Its request ids start here, past those of the first run. */
const ALONE_FIRST_REQUEST = 10_000_000;

/** How a run goes: its length, where its request numbers start, at one connection or not, the database to charge CPU to. */
interface RunOptions {
  seconds: number;
  firstRequest?: number;
  /** At one connection (no queue of requests: the loop lag is one request's). */
  alone?: boolean;
  postmasterPid?: number | undefined;
}

/** One timed run of a workload against one server, or against several sharing the load. */
async function measure(label: string, workload: Workload, servers: BenchServer[], { seconds, firstRequest, alone = false, postmasterPid }: RunOptions): Promise<Measured> {
  if (!alone) for (const server of servers) rssPerWorkload = resetPeakRss(server.child.pid) && rssPerWorkload;
  const connections = alone ? 1 : connectionsEach(servers.length);
  await resetProbes(servers);
  const serverPids = servers.map((server) => server.child.pid);
  const databasePids = postmasterPid ? [postmasterPid] : [];
  const [serversBefore, databaseBefore, loadBefore] = [cpuSeconds(serverPids), cpuSeconds(databasePids), process.cpuUsage()];
  const result = await runLoad(workload, servers, { connections, seconds, ...(firstRequest === undefined ? {} : { firstRequest }) });
  const loadUsed = process.cpuUsage(loadBefore);
  const perRequest = (seconds: number) => (result.responses > 0 ? (seconds * 1e6) / result.responses : Number.NaN);
  const cpu = {
    server: perRequest(cpuSince(serverPids, serversBefore)),
    database: postmasterPid ? perRequest(cpuSince(databasePids, databaseBefore)) : undefined,
    load: perRequest((loadUsed.user + loadUsed.system) / 1e6),
  };
  const probe = await readProbes(servers);
  const rssMb = Math.max(...servers.map((server) => peakRssMb(server.child.pid)));
  const died = servers.find((server) => server.child.hasExited());
  const reason = died ? `${died.label} exited during the run:\n${died.child.stderrTail()}` : brokenReason(result);
  if (reason) broken.push(`${label}, ${workload.name}: ${reason}`);
  log(
    `  ${label.padEnd(28)} ${workload.name.padEnd(30)} ${result.perSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(2)} ms  ` +
      `p99 ${result.p99.toFixed(2)} ms  ${rssMb.toFixed(0)} MB  ${result.non2xx} non-2xx  ${result.errors} errors${reason ? '  BROKEN' : ''}` +
      (probe ? `  loop lag p99 ${probe.lagP99.toFixed(1)} max ${probe.lagMax.toFixed(1)} ms` : '') +
      (probe?.queries ? `  ${(probe.roundTrips / result.responses).toFixed(2)} round trips/req` : '') +
      `  CPU µs/req: server ${cpu.server.toFixed(0)}${cpu.database === undefined ? '' : `, PostgreSQL ${cpu.database.toFixed(0)}`}, load generator ${cpu.load.toFixed(0)}`,
  );
  await sleep(250); // let the connections close before the next run
  return { result, rssMb, broken: reason, probe, cpu };
}

/** Section 5 on SQLite, then on PostgreSQL when there is one. */
async function measureLeaderboards(): Promise<{ runs: LeaderboardLoad[]; note: string }> {
  log(`Leaderboard: ${BOARD_CLIENTS} clients for ${BOARD_SECONDS}s on a fresh server per storage...`);
  const runs = [await measureLeaderboardLoad('SQLite', undefined, BOARD_SECONDS, log)];
  const database = await benchDatabase();
  if ('skipped' in database) return { runs, note: database.skipped };
  runs.push(await measureLeaderboardLoad('PostgreSQL', database.url, BOARD_SECONDS, log));
  return { runs, note: `PostgreSQL: ${database.where}.` };
}

async function main(): Promise<void> {
  const date = new Date().toISOString();
  if (ONLY === 'webhooks') {
    const hooks = await measureWebhooks(log);
    console.log(`\n## pnpm bench (webhooks only), ${date}\n\nNode ${process.version} on ${platform()} ${arch()}, ${availableParallelism()} CPUs.`);
    printWebhooks(hooks);
    if (hooks.loads.some((load) => load.broken)) process.exitCode = 1;
    return;
  }
  if (ONLY === 'batches') {
    const batches = await measureBatches(log);
    console.log(`\n## pnpm bench (batches only), ${date}\n\nNode ${process.version} on ${platform()} ${arch()}, ${availableParallelism()} CPUs.`);
    printBatches(batches);
    if (batches.loads.some((load) => load.broken)) process.exitCode = 1;
    return;
  }
  if (ONLY === 'leaderboard') {
    const board = await measureLeaderboards();
    console.log(`\n## pnpm bench (leaderboard only), ${date}\n\nNode ${process.version} on ${platform()} ${arch()}, ${availableParallelism()} CPUs.`);
    printLeaderboards(board, BOARD_SECONDS);
    return;
  }
  // BENCH_WORKLOADS=cashback,orders: only the workloads whose names contain one of these.
  const wanted = process.env.BENCH_WORKLOADS?.split(',').filter(Boolean) ?? [];
  const chosen = workloads.filter((w) => wanted.length === 0 || wanted.some((part) => w.name.includes(part)));
  const rows: WorkloadRow[] = chosen.map((workload) => ({ workload }));

  log(`Starting (a) bare Express + validator, (b) this server on SQLite and (c) Prism (npx, may download)...`);
  const prismStart = startPrism().catch((error: unknown) => error as Error);
  const bare = await startBare();
  const sqlite = await startThisServer('this server (SQLite)');
  log(`Seeding ${CUSTOMERS} customers with a balance on each server...`);
  await Promise.all([seed([bare], bare.label), seed([sqlite], sqlite.label)]);
  const prismOrError = await prismStart;
  let prism: BenchServer | undefined;
  let prismNote = '';
  try {
    if (prismOrError instanceof Error) throw prismOrError;
    prism = prismOrError;
    await seed([prism], prism.label);
  } catch (error) {
    const lines = (error as Error).message.split('\n').filter((line) => line.trim() && !line.startsWith('npm warn'));
    prismNote = `Prism could not be fetched, started or seeded, so its column is empty: ${lines.slice(0, 5).join(' / ').slice(0, 600)}`;
    log(prismNote);
    await prism?.child.stop();
    prism = undefined;
  }
  log(`Workloads, ${SECONDS}s each at ${CONNECTIONS} connections, servers in turn, in ${ROUNDS} round(s) of ${ROUND_SECONDS}s, after ${WARMUP_SECONDS}s unmeasured:`);
  const sides: Array<{ key: 'bare' | 'sqlite' | 'prism'; label: string; server: BenchServer }> = [
    { key: 'bare', label: '(a) bare', server: bare },
    { key: 'sqlite', label: '(b) this server, SQLite', server: sqlite },
    ...(prism ? [{ key: 'prism' as const, label: '(c) Prism', server: prism }] : []),
  ];
  for (const row of rows) {
    const rounds = sides.map(() => [] as Measured[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, side] of sides.entries()) {
        const label = ROUNDS > 1 ? `${side.label} ${round + 1}/${ROUNDS}` : side.label;
        if (round === 0) await warmUp(row.workload, [side.server]);
        rounds[i]!.push(await measure(label, row.workload, [side.server], { seconds: ROUND_SECONDS, firstRequest: round * ROUND_STRIDE }));
      }
    }
    sides.forEach((side, i) => (row[side.key] = poolMeasured(rounds[i]!)));
  }
  log(`The same workloads at 1 connection, ${ALONE_SECONDS}s each: the loop lag of one request at a time:`);
  for (const row of rows) {
    const alone = { seconds: ALONE_SECONDS, firstRequest: ALONE_FIRST_REQUEST, alone: true };
    row.bareAlone = await measure('(a) bare, alone', row.workload, [bare], alone);
    row.sqliteAlone = await measure('(b) SQLite, alone', row.workload, [sqlite], alone);
  }
  await Promise.all([bare.child.stop(), sqlite.child.stop(), prism?.child.stop()]);

  let postgresNote: string;
  const database = await benchDatabase();
  if ('skipped' in database) {
    postgresNote = database.skipped;
    log(postgresNote);
  } else {
    postgresNote = `${database.where}; two processes started one after the other, each with its own pool (max 10), ${connectionsEach(2)} connections to each.`;
    log(`PostgreSQL: ${postgresNote}`);
    const first = await startThisServer('this server (PostgreSQL) #1', database.url);
    const second = await startThisServer('this server (PostgreSQL) #2', database.url);
    await seed([first, second], 'PostgreSQL');
    for (const row of rows) {
      await warmUp(row.workload, [first, second]);
      row.postgres = await measure('(b) PostgreSQL x2', row.workload, [first, second], { seconds: SECONDS, postmasterPid: database.postmasterPid });
    }
    await Promise.all([first.child.stop(), second.child.stop()]);
  }

  const rest = ONLY === 'workloads' ? undefined : await measureTheRest();
  const seconds = (Date.now() - runStarted) / 1000;

  const autocannonVersion = (createRequire(import.meta.url)('autocannon/package.json') as { version: string }).version;
  const out = (text = '') => console.log(text);
  out(`\n## pnpm bench, ${date}`);
  out();
  out(`Node ${process.version} on ${platform()} ${arch()}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? '?'}); autocannon ${autocannonVersion} in the orchestrator process; every server in its own process on 127.0.0.1.`);
  out(`Settings: BENCH_SECONDS=${SECONDS}, BENCH_ROUNDS=${ROUNDS}, BENCH_CONNECTIONS=${CONNECTIONS}, BENCH_WARMUP=${WARMUP_SECONDS} (unmeasured seconds of each workload on each server first); ${CUSTOMERS.toLocaleString('en-US')} customers seeded through the API with 1,000,000 points each; this server with NODE_ENV=production, default logging (to /dev/null), a fresh DATA_DIR.`);
  out(`Peak RSS: VmHWM of the server process ${rssPerWorkload ? 'during each workload (reset before it)' : 'since its start (the kernel refused a reset)'}; for Prism, of its node process.`);
  out(`\n### 1. Each server on the same request stream\n`);
  out(figuresTable(rows, prismNote ? 'not run' : '-'));
  if (prismNote) out(`\n${prismNote}`);
  out(`\n### 2. This server (b) against the baseline (a) and Prism (c), targets not enforced\n`);
  out(ratiosTable(rows));
  out(
    `\nTargets: writes >= ${TARGETS.writeVsBare}x and reads >= ${TARGETS.readVsBare}x of (a); >= ${TARGETS.vsPrism}x of Prism; ` +
      `p99 <= ${TARGETS.p99VsBare}x of (a)'s; event-loop lag max <= ${TARGETS.loopLagMaxMs} ms with one request at a time ` +
      `(at ${CONNECTIONS} connections the lag is mostly the queue of requests each loop turn serves, see table 1); peak RSS < ${TARGETS.peakRssMb} MB; ` +
      `PostgreSQL x2 >= ${TARGETS.postgresWriteVsSqlite}x of SQLite for writes.`,
  );
  out(`\n### 3. This server on PostgreSQL: two processes, one database, the load split over both\n`);
  out(`${postgresNote}\n`);
  out(postgresTable(rows));
  const scale = postgresScaleNote(rows);
  if (scale) out(`\n${scale}`);
  if (rest) printTheRest(rest, out);
  out(`\nThe run took ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s.`);
  if (broken.length > 0) {
    out(`\n### BROKEN MEASUREMENTS: most answers were errors, so these figures measure the error path\n`);
    for (const line of broken) out(`- ${line}`);
  }
}

/** Sections 4 to 7 (all but BENCH_ONLY=workloads). */
async function measureTheRest() {
  log('Long ledgers: building a 10,000-entry history on a fresh SQLite server...');
  const historyServer = await startThisServer('this server (SQLite), history');
  const history = await measureHistory(historyServer, HISTORY_BUDGET, SECONDS, log);
  await historyServer.child.stop();
  const board = await measureLeaderboards();
  const batches = await measureBatches(log);
  for (const load of batches.loads) if (load.broken) broken.push(`batches on ${load.storage}: ${load.broken}`);
  const hooks = await measureWebhooks(log);
  for (const load of hooks.loads) if (load.broken) broken.push(`webhooks on ${load.storage}: ${load.broken}`);
  return { history, board, batches, hooks };
}

function printTheRest({ history, board, batches, hooks }: Awaited<ReturnType<typeof measureTheRest>>, out: (text?: string) => void): void {
  const bigLabel = history.bigEntries < BIG_ENTRIES ? `${history.bigEntries.toLocaleString('en-US')} (${BIG_ENTRIES.toLocaleString('en-US')} aimed at)` : history.bigEntries.toLocaleString('en-US');
  out(`\n### 4. A customer with ${history.smallEntries} ledger entries against one with ${bigLabel} (SQLite, ${SAMPLES} sequential requests each or ${SECONDS} s, whichever ends first; 1 connection)\n`);
  out(historyTable(history));
  out(`\nTarget: the 10,000-entry customer within ${TARGETS.history}x of the 10-entry one. The 10-entry side is 20 customers taken in turn (each redemption adds an entry).`);
  out(`The ledgers took ${history.buildSeconds.toFixed(0)} s to build through the API (32 requests in flight).`);
  if (history.bigEntries < BIG_ENTRIES) {
    out(`The long ledger reached only ${history.bigEntries.toLocaleString('en-US')} of ${BIG_ENTRIES.toLocaleString('en-US')} entries within its ${HISTORY_BUDGET} s budget: every write for that customer got slower as its ledger grew.`);
  }
  printLeaderboards(board, BOARD_SECONDS);
  printBatches(batches);
  printWebhooks(hooks);
}

installCleanupHandlers(workloads.length * 4 * SECONDS + 600);
try {
  await main();
} catch (error) {
  console.error(`\npnpm bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}
if (broken.length > 0) process.exitCode = 1;
process.exit();
