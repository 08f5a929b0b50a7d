/**
 * The load generator: autocannon, in this process, against one or more servers at once that
 * share one request stream. Latencies are collected from every response (not only autocannon's
 * whole-millisecond histogram of 2xx ones) so the percentiles of several instances combine.
 */
import autocannon from 'autocannon';
import { HEADERS, type Workload } from './workloads.js';

export interface Target {
  origin: string;
  basePath: string;
}

export interface LoadOptions {
  /** Connections per target. */
  connections: number;
  /** Run for this many seconds ... */
  seconds?: number;
  /** ... or until this many requests were answered (per target) ... */
  amount?: number;
  /** ... but no longer than this many seconds. */
  maxSeconds?: number;
  /** The n of the first request (ids derive from n): a second run of a workload starts past the first's. */
  firstRequest?: number;
}

export interface LoadResult {
  responses: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Answers by status code, e.g. `{ 200: 9123, 422: 3 }`. */
  statusCodes: Record<string, number>;
  /** The first non-2xx answer, to show what went wrong. */
  sample: string;
  /** Every answer's latency in ms, sorted, and how long the run lasted: what pooling rounds needs. */
  latencies: Float64Array;
  seconds: number;
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `workload` against every target at the same time and sums the results. */
export async function runLoad(workload: Workload, targets: Target[], options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = options.firstRequest ?? 0;
  let sample = '';
  const runs = targets.map(
    (target) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        const first = workload.call(0);
        let timer: NodeJS.Timeout | undefined;
        const instance = autocannon(
          {
            url: target.origin,
            connections: options.connections,
            ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
            timeout: 10,
            // autocannon notices the end of a run at its next sample: sample often.
            sampleInt: 200,
            headers: workload.headers ?? HEADERS,
            requests: [
              {
                method: first.method,
                path: target.basePath + first.path,
                setupRequest: (request) => {
                  const call = workload.call(next++);
                  return {
                    ...request,
                    method: call.method,
                    path: target.basePath + call.path,
                    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
                  };
                },
                onResponse: (status, body) => {
                  if (status >= 300 && !sample) sample = `HTTP ${status} ${body.slice(0, 300)}`;
                },
              },
            ],
          },
          (error: unknown, result: autocannon.Result) => {
            clearTimeout(timer);
            if (error) reject(error);
            else resolve(result);
          },
        );
        instance.on('response', (_client, _status, _bytes, ms) => {
          latencies.push(ms);
        });
        if (options.maxSeconds) timer = setTimeout(() => instance.stop(), options.maxSeconds * 1000);
      }),
  );
  const results = await Promise.all(runs);
  const sorted = Float64Array.from(latencies).sort();
  const seconds = Math.max(...results.map((r) => r.duration));
  const statusCodes: Record<string, number> = {};
  for (const result of results) {
    for (const [code, { count = 0 }] of Object.entries(result.statusCodeStats ?? {})) {
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
    }
  }
  const counts = { non2xx: results.reduce((sum, r) => sum + r.non2xx, 0), errors: results.reduce((sum, r) => sum + r.errors, 0), statusCodes, sample };
  return resultOf(sorted, seconds, counts);
}

/** A result from its sorted latencies, its length and its counts. */
function resultOf(sorted: Float64Array, seconds: number, counts: Pick<LoadResult, 'non2xx' | 'errors' | 'statusCodes' | 'sample'>): LoadResult {
  return { responses: sorted.length, perSecond: sorted.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), ...counts, latencies: sorted, seconds };
}

/**
 * Runs of one workload on one server as if they were one run: answers over the time they took,
 * percentiles of all their latencies together, every count summed, the first failure's sample.
 */
export function poolResults(runs: readonly LoadResult[]): LoadResult {
  if (runs.length === 1) return runs[0]!;
  const sorted = new Float64Array(runs.reduce((n, run) => n + run.latencies.length, 0));
  let at = 0;
  for (const run of runs) {
    sorted.set(run.latencies, at);
    at += run.latencies.length;
  }
  sorted.sort();
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const statusCodes: Record<string, number> = {};
  for (const run of runs) for (const [code, count] of Object.entries(run.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  return resultOf(sorted, seconds, {
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    statusCodes,
    sample: runs.find((run) => run.sample)?.sample ?? '',
  });
}

/** A run whose answers are mostly errors measured the error path, not the workload. */
export function brokenReason(result: LoadResult): string | undefined {
  const attempts = result.responses + result.errors;
  if (attempts === 0) return 'no request was answered';
  const bad = result.non2xx + result.errors;
  if (bad / attempts > 0.5) {
    const codes = Object.entries(result.statusCodes).map(([code, count]) => `${code}: ${count}`).join(', ');
    return `${bad} of ${attempts} requests failed (${codes}; ${result.errors} connection errors/timeouts); first answer: ${result.sample || 'none'}`;
  }
  return undefined;
}
