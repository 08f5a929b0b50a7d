/**
 * Side by side in time: each workload runs on the servers in turn, BENCH_ROUNDS times over
 * (a, b, c, a, b, c, ...), and each server's rounds are pooled into one figure. A slow spell of
 * the shared machine then falls on every server alike instead of on whichever ran during it.
 */
import { poolResults } from './load.js';
import type { Measured } from './report.js';

/** Where round `round`'s request numbers start (ids derive from them): far apart, so no id repeats. */
export const ROUND_STRIDE = 2_000_000;

/** Figures per answered request, weighted by each round's answers. */
function perRequest(rounds: readonly Measured[], figure: (m: Measured) => number | undefined): number | undefined {
  let answered = 0;
  let sum = 0;
  for (const m of rounds) {
    const value = figure(m);
    if (value === undefined) return undefined;
    answered += m.result.responses;
    sum += value * m.result.responses;
  }
  return answered > 0 ? sum / answered : Number.NaN;
}

/**
 * One server's rounds of one workload as one measurement: the load pooled (poolResults), the
 * highest peak RSS and loop lag of any round, PostgreSQL traffic summed, CPU per request over
 * all rounds' answers, and the first round that broke.
 */
export function poolMeasured(rounds: readonly Measured[]): Measured {
  if (rounds.length === 1) return rounds[0]!;
  const probes = rounds.map((m) => m.probe);
  const probe = probes.every((p) => p !== undefined)
    ? {
        lagP99: Math.max(...probes.map((p) => p.lagP99)),
        lagMax: Math.max(...probes.map((p) => p.lagMax)),
        queries: probes.reduce((sum, p) => sum + p.queries, 0),
        roundTrips: probes.reduce((sum, p) => sum + p.roundTrips, 0),
      }
    : undefined;
  const server = perRequest(rounds, (m) => m.cpu?.server);
  const load = perRequest(rounds, (m) => m.cpu?.load);
  return {
    result: poolResults(rounds.map((m) => m.result)),
    rssMb: Math.max(...rounds.map((m) => m.rssMb)),
    broken: rounds.find((m) => m.broken)?.broken,
    probe,
    cpu: server === undefined || load === undefined ? undefined : { server, database: perRequest(rounds, (m) => m.cpu?.database), load },
  };
}
