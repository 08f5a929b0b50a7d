import { describe, expect, it } from 'vitest';
import { percentile, poolResults, type LoadResult } from '../../bench/load.js';
import type { Measured } from '../../bench/report.js';
import { poolMeasured } from '../../bench/rounds.js';

function run(latencies: number[], seconds: number, extra: Partial<LoadResult> = {}): LoadResult {
  const sorted = Float64Array.from(latencies).sort();
  return {
    responses: sorted.length,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    non2xx: 0,
    errors: 0,
    statusCodes: { 200: sorted.length },
    sample: '',
    latencies: sorted,
    seconds,
    ...extra,
  };
}

/**
 * The benchmark pools a server's interleaved rounds of a workload into one figure: the pooled
 * figures must be those of one run made of all the rounds' answers, not an average of averages.
 */
describe('pooling benchmark rounds', () => {
  it('counts answers over the rounds time and takes percentiles of all latencies together', () => {
    // A fast round (900 answers in 1 s, 1 ms each) and a slow one (100 answers in 1 s, 50 ms each).
    const fast = run(Array.from({ length: 900 }, () => 1), 1);
    const slow = run(Array.from({ length: 100 }, () => 50), 1, { non2xx: 2, errors: 1, statusCodes: { 200: 98, 422: 2 }, sample: 'HTTP 422 {}' });
    const pooled = poolResults([fast, slow]);
    expect(pooled.responses).toBe(1000);
    expect(pooled.perSecond).toBe(500);
    expect(pooled.p50).toBe(1);
    // The 99th percentile of 1,000 answers, 100 of which took 50 ms: 50 ms, where the mean of the rounds' p99s is 25.5.
    expect(pooled.p99).toBe(50);
    expect(pooled).toMatchObject({ non2xx: 2, errors: 1, statusCodes: { 200: 998, 422: 2 }, sample: 'HTTP 422 {}', seconds: 2 });
    expect(Array.from(pooled.latencies)).toEqual([...Array.from({ length: 900 }, () => 1), ...Array.from({ length: 100 }, () => 50)]);
  });

  it('keeps the worst peak and lag, sums PostgreSQL traffic, and weighs CPU by answers', () => {
    const a: Measured = {
      result: run(Array.from({ length: 300 }, () => 2), 1),
      rssMb: 180,
      probe: { lagP99: 10, lagMax: 30, queries: 3000, roundTrips: 600 },
      cpu: { server: 100, database: 50, load: 20 },
    };
    const b: Measured = {
      result: run(Array.from({ length: 100 }, () => 4), 1),
      rssMb: 195,
      broken: 'the second round broke',
      probe: { lagP99: 20, lagMax: 25, queries: 1000, roundTrips: 200 },
      cpu: { server: 300, database: undefined, load: 40 },
    };
    const pooled = poolMeasured([a, b]);
    expect(pooled.rssMb).toBe(195);
    expect(pooled.broken).toBe('the second round broke');
    expect(pooled.probe).toEqual({ lagP99: 20, lagMax: 30, queries: 4000, roundTrips: 800 });
    // (300 x 100 + 100 x 300) / 400 answers; a database figure missing from one round is unknown.
    expect(pooled.cpu).toEqual({ server: 150, database: undefined, load: 25 });
    expect(poolMeasured([a])).toBe(a);
  });
});
