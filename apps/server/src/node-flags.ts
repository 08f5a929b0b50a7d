/**
 * The V8 settings the server process runs with, wherever it is started: `pnpm start`, the
 * `gameball-server` bin (its first line), the Dockerfile, the test kit and the bench.
 *
 * - `--max-semi-space-size=8`: V8 grows the young generation up to 32 MB per semi-space on a
 *   large machine, and the server's start (the spec compiled into validators) takes it there:
 *   64 MB of RSS for garbage. 16 took the bench's peak RSS from 271-298 MB to 186-193 MB; 8 takes
 *   another 13-16 MB off.
 * - `--heap-growing-percent=50`: V8 otherwise lets the old generation grow further between full
 *   collections.
 * Side by side (cashback, orders, the transaction list at 50 connections, two rounds): peak RSS
 * 164-178 MB with both against 208-219 MB at 16 MB semi-spaces alone, throughput within the
 * rounds' noise. A growth of 25% instead of 50% saved a few MB more and cost orders about 10%.
 * test/program/node-flags.test.ts holds the entry points to this list.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--heap-growing-percent=50'];
