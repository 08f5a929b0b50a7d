/**
 * Loaded into a server under test with `node --import` when BENCH_PROBE_PORT is set (the
 * benchmark only): measures the event loop's delay (perf_hooks) and, where the process uses
 * PostgreSQL, the queries and round trips it sends. It answers on its own port on 127.0.0.1,
 * apart from the server: `GET /reset` starts a new window, `GET /read` answers the window's
 * figures as JSON. With BENCH_PROBE_PROFILE_DIR set, the window is also CPU-profiled (inspector)
 * into a .cpuprofile file there, so a profile holds the workload alone, not the start and seeding.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';
import { countPgRoundTrips, type PgCounts } from './pg-round-trips.js';

export interface ProbeReading {
  /** Event-loop delay in the window, ms. */
  lagP99: number;
  lagMax: number;
  /** Sent to PostgreSQL in the window (0 on SQLite). */
  queries: number;
  roundTrips: number;
}

const port = Number(process.env.BENCH_PROBE_PORT);
// Worker threads inherit --import: the server's SQLite reader thread loads this file too. Only the
// main thread probes; a second listener on the same port would kill the reader thread at start.
if (port > 0 && isMainThread) {
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  let pgCounts: PgCounts = { queries: 0, roundTrips: 0, socketWrites: 0 };
  try {
    // The server's own copy of pg (resolved from its main module), so its clients are the ones counted.
    const main = process.argv[1] ?? import.meta.filename;
    pgCounts = countPgRoundTrips(createRequire(main)('pg'));
  } catch {
    // no pg beside this process (the bare baseline): nothing to count
  }
  const profileDir = process.env.BENCH_PROBE_PROFILE_DIR;
  const session = profileDir ? new Session() : undefined;
  session?.connect();
  const server = createServer(async (req, res) => {
    if (req.url === '/reset') {
      await session?.post('Profiler.enable');
      await session?.post('Profiler.start');
      lag.reset();
      pgCounts.queries = 0;
      pgCounts.roundTrips = 0;
      pgCounts.socketWrites = 0;
      res.end('{}');
      return;
    }
    if (session && profileDir) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(join(profileDir, `window-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    }
    const reading: ProbeReading = {
      lagP99: lag.percentile(99) / 1e6,
      lagMax: lag.max / 1e6,
      queries: pgCounts.queries,
      roundTrips: pgCounts.roundTrips,
    };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(reading));
  });
  server.listen(port, '127.0.0.1');
  server.unref();
}
