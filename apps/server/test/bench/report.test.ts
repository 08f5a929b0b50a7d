import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../bench/load.js';
import { postgresScaleNote, type Measured, type WorkloadRow } from '../../bench/report.js';
import type { Workload } from '../../bench/workloads.js';

function measured(perSecond: number): Measured {
  const result: LoadResult = {
    responses: perSecond,
    perSecond,
    p50: 1,
    p99: 2,
    non2xx: 0,
    errors: 0,
    statusCodes: { 200: perSecond },
    sample: '',
    latencies: new Float64Array(),
    seconds: 1,
  };
  return { result, rssMb: 100 };
}

function row(name: string, kind: Workload['kind'], sqlite: number, postgres?: number): WorkloadRow {
  const workload = { name, kind, call: () => ({ method: 'GET', path: '/' }) } as unknown as Workload;
  return { workload, sqlite: measured(sqlite), postgres: postgres === undefined ? undefined : measured(postgres) };
}

/**
 * Table 3's closing line: what the PostgreSQL target asks of each write, against the rate the
 * two processes reach on their cheapest read of the same run.
 */
describe('the PostgreSQL scale note', () => {
  it('names the fastest read on PostgreSQL and flags the writes whose target lies above it', () => {
    const note = postgresScaleNote([
      row('POST /cheap', 'write', 5_000, 1_000),
      row('POST /heavy', 'write', 2_000, 700),
      row('GET /balance', 'read', 6_000, 3_500),
      row('GET /list', 'read', 2_000, 2_800),
    ]);
    expect(note).toBe(
      'For scale: the cheapest request of this table, GET /balance, ran at 3,500 req/s on the two processes. ' +
        '0.6x of one SQLite process asks of the writes (req/s): POST /cheap 3,000, POST /heavy 1,200.',
    );
    const above = postgresScaleNote([row('POST /events', 'write', 7_000, 1_700), row('GET /balance', 'read', 6_000, 3_500)]);
    expect(above).toContain('POST /events 4,200 (above it)');
  });

  it('says nothing when no read ran on PostgreSQL', () => {
    expect(postgresScaleNote([row('POST /cheap', 'write', 5_000, 1_000), row('GET /balance', 'read', 6_000)])).toBe('');
  });
});
