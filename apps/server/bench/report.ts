/** The tables `pnpm bench` prints: markdown, so they paste into README and notes as they are. */
import type { BatchLoad } from './batch-load.js';
import type { WebhookLoad } from './webhook-load.js';
import type { HistoryResult } from './history.js';
import type { Latencies, LeaderboardLoad } from './leaderboard-load.js';
import type { LoadResult } from './load.js';
import type { ProbeReading } from './probe.js';
import type { Workload } from './workloads.js';

/** One server's run of one workload. */
export interface Measured {
  result: LoadResult;
  rssMb: number;
  broken?: string | undefined;
  /** Event-loop lag and PostgreSQL traffic inside the server during the run (not for Prism). */
  probe?: ProbeReading | undefined;
  /**
   * CPU time per answered request, in µs: the server's processes (all of them, for two), the
   * local PostgreSQL's (undefined when it is not on this machine), the load generator's.
   */
  cpu?: { server: number; database?: number | undefined; load: number } | undefined;
}

export interface WorkloadRow {
  workload: Workload;
  bare?: Measured | undefined;
  sqlite?: Measured | undefined;
  prism?: Measured | undefined;
  postgres?: Measured | undefined;
  /** The same workload at one connection: the loop lag then is the longest one request (or job) held it. */
  bareAlone?: Measured | undefined;
  sqliteAlone?: Measured | undefined;
}

/** Issue 15's targets (printed with ✓/✗, not enforced): ratios of one run, not absolute figures. */
export const TARGETS = {
  writeVsBare: 0.8,
  readVsBare: 1.0,
  vsPrism: 2,
  /** This server's p99 at most this many times the baseline's p99 of the same workload. */
  p99VsBare: 1.5,
  /** Two processes on PostgreSQL against one SQLite process, for writes. */
  postgresWriteVsSqlite: 0.6,
  loopLagMaxMs: 20,
  peakRssMb: 200,
  history: 1.5,
  batchSqliteMs: 1_000,
};

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '-');
const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '-');
const mb = (n: number) => (Number.isFinite(n) && n > 0 ? n.toFixed(0) : '-');
const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}x` : '-');
/** A figure against its target: `0.62x ✓ (>= 0.5x)`. */
const vs = (value: number, ok: boolean, target: string) => (Number.isFinite(value) ? `${x(value)} ${ok ? '✓' : '✗'} (${target})` : 'n/a');
const rps = (m?: Measured) => (m && !m.broken ? m.result.perSecond : Number.NaN);

/** `p99 / max` of the event loop's delay in ms, or '-' without a probe. */
const lag = (m?: Measured) => (m?.probe ? `${ms(m.probe.lagP99)} / ${ms(m.probe.lagMax)}` : '-');
/** PostgreSQL round trips and queries per answered request: `3.00 (7.00 queries)`. */
const trips = (m: Measured) =>
  m.probe && m.result.responses > 0 ? `${(m.probe.roundTrips / m.result.responses).toFixed(2)} (${(m.probe.queries / m.result.responses).toFixed(2)})` : '-';

/** CPU µs per request of the server(s), then of PostgreSQL when measured: `1,010 + 1,150`. */
const cpu = (m?: Measured) => (m?.cpu ? `${int(m.cpu.server)}${m.cpu.database === undefined ? '' : ` + ${int(m.cpu.database)}`}` : '-');

function figures(label: string, m: Measured | undefined, note: string): string[] {
  if (!m) return [label, note, '-', '-', '-', '-', '-', '-', '-'];
  const r = m.result;
  const rpsCell = m.broken ? `BROKEN (${int(r.perSecond)})` : int(r.perSecond);
  return [label, rpsCell, ms(r.p50), ms(r.p99), mb(m.rssMb), int(r.non2xx), int(r.errors), lag(m), cpu(m)];
}

/** Table 1: every server's figures, workload by workload. */
export function figuresTable(rows: WorkloadRow[], prismNote: string): string {
  const body: string[][] = [];
  for (const row of rows) {
    body.push([`**${row.workload.name}**`, '', '', '', '', '', '', '', '']);
    body.push(figures('(a) bare Express + validator', row.bare, 'not run'));
    body.push(figures('(b) this server, SQLite', row.sqlite, 'not run'));
    body.push(figures('(c) Prism 5 mock', row.prism, prismNote));
  }
  return table(['workload / server', 'req/s', 'p50 ms', 'p99 ms', 'peak RSS MB', 'non-2xx', 'errors', 'loop lag p99 / max ms', 'server CPU µs/req'], body);
}

/** Table 2: this server's ratios to the baseline and to Prism, with the targets. */
export function ratiosTable(rows: WorkloadRow[]): string {
  const body = rows.map((row) => {
    const target = row.workload.kind === 'write' ? TARGETS.writeVsBare : TARGETS.readVsBare;
    const toBare = rps(row.sqlite) / rps(row.bare);
    const toPrism = rps(row.sqlite) / rps(row.prism);
    const ok = (m?: Measured) => !!m && !m.broken;
    const p99 = ok(row.sqlite) && ok(row.bare) ? row.sqlite!.result.p99 / row.bare!.result.p99 : Number.NaN;
    const lagMax = row.sqliteAlone?.probe?.lagMax ?? Number.NaN;
    const bareLagMax = row.bareAlone?.probe?.lagMax;
    const rss = row.sqlite?.rssMb ?? Number.NaN;
    return [
      row.workload.name,
      row.workload.kind,
      vs(toBare, toBare >= target, `>= ${target}x`),
      vs(toPrism, toPrism >= TARGETS.vsPrism, `>= ${TARGETS.vsPrism}x`),
      vs(p99, p99 <= TARGETS.p99VsBare, `<= ${TARGETS.p99VsBare}x`),
      Number.isFinite(lagMax) ? `${ms(lagMax)} ${lagMax <= TARGETS.loopLagMaxMs ? '✓' : '✗'} (<= ${TARGETS.loopLagMaxMs}; (a) ${ms(bareLagMax ?? Number.NaN)})` : 'n/a',
      Number.isFinite(rss) && rss > 0 ? `${mb(rss)} ${rss < TARGETS.peakRssMb ? '✓' : '✗'} (< ${TARGETS.peakRssMb})` : 'n/a',
    ];
  });
  return table(['workload', 'kind', '(b) ÷ (a) req/s', '(b) ÷ (c) req/s', '(b) p99 ÷ (a) p99', '(b) loop lag max ms, 1 connection', '(b) peak RSS MB'], body);
}

/** Table 3: two server processes on one PostgreSQL database. */
export function postgresTable(rows: WorkloadRow[]): string {
  const body = rows.map((row) => {
    const m = row.postgres;
    if (!m) return [row.workload.name, 'not run', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-'];
    const [, rpsCell, p50, p99, rss, non2xx, errors, loopLag, cpuCell] = figures(row.workload.name, m, '');
    const toSqlite = rps(m) / rps(row.sqlite);
    const toBare = rps(m) / rps(row.bare);
    const toSqliteCell = row.workload.kind === 'write' ? vs(toSqlite, toSqlite >= TARGETS.postgresWriteVsSqlite, `>= ${TARGETS.postgresWriteVsSqlite}x`) : x(toSqlite);
    return [row.workload.name, rpsCell!, p50!, p99!, rss!, non2xx!, errors!, loopLag!, trips(m), cpuCell!, toSqliteCell, x(toBare)];
  });
  return table(
    ['workload', 'req/s (sum of 2)', 'p50 ms', 'p99 ms', 'peak RSS MB (larger process)', 'non-2xx', 'errors', 'loop lag p99 / max ms (worse process)', 'round trips (queries) per request', 'CPU µs/req: 2 servers + PostgreSQL', '÷ SQLite (1 process)', '÷ (a) bare'],
    body,
  );
}

/**
 * Table 3's target against what the two processes manage at their cheapest: the fastest read of
 * the table (in this bench the balance: one statement, one round trip, nothing written). A
 * write sends at least as much and then writes and commits, so a write whose target lies above
 * that read's rate cannot meet it on this machine, whatever it sends.
 */
export function postgresScaleNote(rows: WorkloadRow[]): string {
  const reads = rows.filter((row) => row.workload.kind === 'read' && Number.isFinite(rps(row.postgres)));
  if (reads.length === 0) return '';
  const cheapest = reads.reduce((best, row) => (rps(row.postgres) > rps(best.postgres) ? row : best));
  const ceiling = rps(cheapest.postgres);
  const asked = rows
    .filter((row) => row.workload.kind === 'write' && Number.isFinite(rps(row.sqlite)))
    .map((row) => {
      const wanted = TARGETS.postgresWriteVsSqlite * rps(row.sqlite);
      return `${row.workload.name} ${int(wanted)}${wanted > ceiling ? ' (above it)' : ''}`;
    });
  if (asked.length === 0) return '';
  return (
    `For scale: the cheapest request of this table, ${cheapest.workload.name}, ran at ${int(ceiling)} req/s on the two processes. ` +
    `${TARGETS.postgresWriteVsSqlite}x of one SQLite process asks of the writes (req/s): ${asked.join(', ')}.`
  );
}

/** Table 4: a 10-entry customer against a 10,000-entry one. */
export function historyTable(history: HistoryResult): string {
  const body = history.rows.map((row) => {
    const r50 = row.big.p50 / row.small.p50;
    const r99 = row.big.p99 / row.small.p99;
    const failures = row.small.non2xx + row.small.errors + row.big.non2xx + row.big.errors;
    return [
      row.operation,
      `${ms(row.small.p50)} / ${ms(row.small.p99)} (n=${row.small.responses})`,
      `${ms(row.big.p50)} / ${ms(row.big.p99)} (n=${row.big.responses})`,
      vs(r50, r50 <= TARGETS.history, `<= ${TARGETS.history}x`),
      vs(r99, r99 <= TARGETS.history, `<= ${TARGETS.history}x`),
      int(failures),
    ];
  });
  return table(
    ['operation', `${history.smallEntries} entries p50 / p99 ms`, `${int(history.bigEntries)} entries p50 / p99 ms`, 'ratio p50', 'ratio p99', 'non-2xx + errors'],
    body,
  );
}

/** Table 5: /health alone and under leaderboard readers, per storage. */
export function leaderboardTable(runs: LeaderboardLoad[]): string {
  const health = (l: Latencies) => [ms(l.p50), ms(l.p99), ms(l.max), int(l.count)];
  const body = runs.flatMap((run) => [
    [`${run.storage}: /health alone`, ...health(run.idle), '', ''],
    [`${run.storage}: /health, 10 clients on GET /leaderboard`, ...health(run.loaded), `${int(run.board.perSecond)} req/s, p99 ${ms(run.board.p99)} ms`, `${run.loadAverage.map((l) => l.toFixed(1)).join(' -> ')}`],
  ]);
  return table(['storage: what ran', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'leaderboard', 'load average'], body);
}

/** Table 6: a 1,000-order batch from submit to completed, per storage and run. */
export function batchTable(loads: BatchLoad[]): string {
  const body = loads.flatMap((load) => {
    if (load.broken && load.runs.length === 0) return [[load.storage, 'BROKEN', '-', '-', '-']];
    return load.runs.map((run, i) => {
      const target = load.storage === 'SQLite' ? ` ${run.clientMs < TARGETS.batchSqliteMs ? '✓' : '✗'} (< ${int(TARGETS.batchSqliteMs)} ms)` : '';
      return [`${load.storage}, run ${i + 1}`, `${int(run.clientMs)}${target}`, int(run.serverMs), int((1000 * 1000) / run.serverMs), run.perWorker.map(int).join(' + ')];
    });
  });
  return table(['storage, run', 'submit to completed, ms (client)', 'createdAt to finishedAt, ms', 'items/s', 'items per process'], body);
}

/** Table 7: webhook deliveries per second to a local receiver, per storage. */
export function webhookTable(loads: WebhookLoad[]): string {
  const body = loads.map((load) => [
    load.storage,
    int(load.received),
    load.deliveryMs > 0 ? int((1000 * load.received) / load.deliveryMs) : '-',
    int(load.writeMs > 0 ? (1000 * load.received) / load.writeMs : 0),
    int(load.trailMs),
    `${load.repeated} / ${load.unsigned}`,
  ]);
  return table(['storage', 'deliveries', 'deliveries/s', 'customers created/s', 'last delivery after last write, ms', 'repeated / unsigned'], body);
}
