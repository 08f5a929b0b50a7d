import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { onEntriesWritten } from './domain/points/entries-written.js';
import type { JobRunner } from './jobs/runner.js';
import type { Store } from './store/sql.js';

/** The operation label of a request that resolved to no operation of the spec (never its raw path). */
export const UNKNOWN_OPERATION = 'unknown';
/** The operation label of a request outside the API's base path (/health, /docs, /metrics, ...). */
export const OUTSIDE_API = 'outside_api';

/** What the server measures, for GET /metrics. */
export interface ServerMetrics {
  /** Prometheus text format. */
  contentType: string;
  render(): Promise<string>;
  /** One finished request: its operationId (or one of the two labels above), status and duration. */
  observeRequest(operation: string, status: number, seconds: number): void;
  /** Stops listening to the store's ledger. */
  close(): void;
}

/**
 * The server's metrics, in a registry of their own (each app has one, so several apps in one
 * process do not mix): requests by operationId and status, their latency, the ledger entries
 * committed by entry type, the backlog of each background job, and prom-client's default
 * process metrics (event-loop lag among them). Labels are operationIds, statuses, entry types
 * and job names: bounded sets, and no customer or account data.
 */
export function serverMetrics(store: Store, jobs: JobRunner): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'gameball_http_requests_total',
    help: 'Requests answered, by the operationId the router resolved and the HTTP status.',
    labelNames: ['operation', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'gameball_http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by operationId and HTTP status.',
    labelNames: ['operation', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const entries = new Counter({
    name: 'gameball_ledger_entries_written_total',
    help: 'Ledger entries committed by this process, by entry type.',
    labelNames: ['type'],
    registers: [registry],
  });
  new Gauge({
    name: 'gameball_job_backlog',
    help: 'Items waiting for a background job (pending batch items, webhook deliveries due or waiting for a retry).',
    labelNames: ['job'],
    registers: [registry],
    async collect() {
      for (const [job, count] of Object.entries(await jobs.backlog())) this.set({ job }, count);
    },
  });
  const stop = onEntriesWritten(store, (type, count) => entries.inc({ type }, count));
  return {
    contentType: registry.contentType,
    render: () => registry.metrics(),
    observeRequest(operation, status, seconds) {
      const labels = { operation, status: String(status) };
      requests.inc(labels);
      latency.observe(labels, seconds);
    },
    close: stop,
  };
}
