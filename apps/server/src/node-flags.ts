/**
 * The V8 settings the server process runs with, wherever it is started: `pnpm start`, the
 * `gameball-server` bin (its first line), the Dockerfile, the test kit and the bench.
 *
 * - `--max-semi-space-size=8`: V8 grows the young generation up to 32 MB per semi-space on a
 *   large machine, and the server's start (the spec compiled into validators) takes it there:
 *   64 MB of RSS for garbage. 16 took the bench's peak RSS from 271-298 MB to 186-193 MB; 8 takes
 *   another 13-16 MB off the start.
 * - `--heap-growing-percent=25`: after a full collection V8 lets the old generation grow by far
 *   more than a quarter before the next one. With both, the peak RSS of cashback, orders and the
 *   transaction list at 50 connections fell from 205-222 MB to 171-191 MB, two runs each, with
 *   throughput inside the runs' noise (the SQLite reader thread, alive in the bench since stop 20,
 *   had added about 18 MB).
 * test/program/node-flags.test.ts holds the entry points to this list.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--heap-growing-percent=25'];
