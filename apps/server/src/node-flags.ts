/**
 * The V8 settings the server process runs with, wherever it is started: `pnpm start`, the
 * `gameball-server` bin (its first line), the Dockerfile, the test kit and the bench.
 *
 * V8 grows the young generation up to 32 MB per semi-space on a large machine, and the
 * server's start (the spec compiled into validators) takes it there: 64 MB of RSS for garbage.
 * At 16 MB the peak RSS under every bench workload fell from 271-298 MB to 186-193 MB, with no
 * throughput change beyond run-to-run noise (test/program/node-flags.test.ts holds the entry
 * points to this list).
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];
