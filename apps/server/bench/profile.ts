/**
 * `node dist-bench/bench/profile.js [workload] [seconds]`: this server (SQLite, production mode) under
 * one workload of `pnpm bench`, CPU-profiled during the workload only (the bench probe's inspector
 * session, as `node --cpu-prof` would but without start-up and seeding); prints where the CPU time went,
 * by package or source folder and by function. Workload: a part of its name, e.g. `cashback`.
 * PROFILE_DATABASE_URL=<an empty database> profiles the server on PostgreSQL instead of SQLite.
 * PROFILE_BEFORE=<workload> runs that workload for the same time first, unprofiled, so that reads
 * see the ledgers a bench run builds (50-entry pages for the transaction list) rather than the seed's.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanupAll, installCleanupHandlers } from './cleanup.js';
import { runLoad } from './load.js';
import { readProbes, resetProbes } from './probe-client.js';
import { startThisServer } from './servers.js';
import { seed, workloads } from './workloads.js';

interface ProfileNode {
  id: number;
  hitCount?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Where a frame's code lives: an npm package, a folder of this server, Node itself, or V8's own states. */
function area(url: string, functionName: string): string {
  if (!url) return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  const pkg = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/dist\/(.+)\/[^/]+\.js$/.exec(url) ?? /\/dist\/()[^/]+\.js$/.exec(url);
  if (own) return `server: ${own[1] || '.'}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

function summarise(file: string): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    const where = area(node.callFrame.url, node.callFrame.functionName);
    if (where === '(idle)') continue;
    total += hits;
    byArea.set(where, (byArea.get(where) ?? 0) + hits);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, hits]) => `| ${name} | ${((100 * hits) / total).toFixed(1)}% |`).join('\n');
  console.log(`\nSelf time, busy samples only (${total}):\n\n| where | share |\n|---|---|\n${top(byArea, 18)}`);
  console.log(`\n| function | share |\n|---|---|\n${top(byFunction, 25)}`);
}

async function main(): Promise<void> {
  const wanted = process.argv[2] ?? 'cashback';
  const seconds = Number(process.argv[3] ?? 10);
  const workload = workloads.find((w) => w.name.includes(wanted));
  if (!workload) throw new Error(`no workload matches '${wanted}': ${workloads.map((w) => w.name).join(', ')}`);
  installCleanupHandlers(seconds + 180);
  const dir = mkdtempSync(join(tmpdir(), 'gameball-profile-'));
  const server = await startThisServer('this server (profiled)', process.env.PROFILE_DATABASE_URL, [], undefined, { BENCH_PROBE_PROFILE_DIR: dir });
  await seed([server], 'profile');
  const before = process.env.PROFILE_BEFORE;
  if (before) {
    const warm = workloads.find((w) => w.name.includes(before));
    if (!warm) throw new Error(`no workload matches PROFILE_BEFORE '${before}'`);
    await runLoad(warm, [server], { connections: 50, seconds });
  }
  await resetProbes([server]);
  const result = await runLoad(workload, [server], { connections: 50, seconds });
  await readProbes([server]);
  console.log(`${workload.name}: ${result.perSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms (while profiled)`);
  await server.child.stop();
  const [file] = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile was written to ${dir}`);
  console.log(`profile: ${join(dir, file)}`);
  summarise(join(dir, file));
}

try {
  await main();
} finally {
  await cleanupAll();
}
