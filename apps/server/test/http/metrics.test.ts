import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, demo, freshStorage, hooked, startServer, uid, type StorageLocation, type TestServer } from '../support/harness.js';
import { createApp } from '../../src/app.js';
import { openStore } from '../../src/open-store.js';
import { pointsApi } from '../support/points-api.js';
import { call, keys } from './helpers.js';

/** The value of one series in Prometheus text (0 when the series is absent). */
function valueOf(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let location: StorageLocation;
  let server: TestServer;
  // No background jobs: batch items and webhook deliveries stay pending, so the backlog shows.
  beforeAll(async () => {
    location = await freshStorage('sqlite');
    server = await startServer(location, { sweepEveryMs: null });
  });
  afterAll(async () => {
    await server.close();
    await location.drop();
  });
  const metrics = async () => {
    const answer = await call(`${server.origin}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return answer.text;
  };

  it('counts requests and their latency by operationId and status', async () => {
    const before = await metrics();
    const gb = server.client();
    const customerId = await pointsApi(gb).customer();
    await gb.GET('/customers/{customerId}', { params: { path: { customerId } } });
    await gb.GET('/customers/{customerId}', { params: { path: { customerId: 'nobody-here' } } });
    const after = await metrics();
    const count = (text: string, labels: string) => valueOf(text, `gameball_http_requests_total{${labels}}`);
    expect(count(after, 'operation="createCustomer",status="200"') - count(before, 'operation="createCustomer",status="200"')).toBe(1);
    expect(count(after, 'operation="getCustomer",status="200"') - count(before, 'operation="getCustomer",status="200"')).toBe(1);
    expect(count(after, 'operation="getCustomer",status="404"') - count(before, 'operation="getCustomer",status="404"')).toBe(1);
    expect(valueOf(after, 'gameball_http_request_duration_seconds_count{operation="getCustomer",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(valueOf(after, 'gameball_http_request_duration_seconds_bucket{le="+Inf",operation="getCustomer",status="200"}')).toBeGreaterThanOrEqual(1);
  });

  it('labels requests that are no operation as unknown, never by their path, and carries no customer data', async () => {
    const customerId = uid('secret-customer');
    await call(`${server.baseUrl}/customers/${customerId}`, { headers: keys });
    await call(`${server.baseUrl}/no-such-path-${customerId}`, { headers: keys });
    await call(`${server.baseUrl}/customers/${customerId}`, { method: 'PATCH', headers: keys });
    const text = await metrics();
    expect(valueOf(text, 'gameball_http_requests_total{operation="unknown",status="404"}')).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'gameball_http_requests_total{operation="unknown",status="405"}')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(customerId);
    expect(text).not.toContain('no-such-path');
    expect(text).not.toContain(demo.apiKey);
    expect(text).not.toContain(demo.id);
  });

  it('counts the ledger entries committed, by entry type, and nothing for a refused write', async () => {
    const api = pointsApi(server.client());
    const customerId = await api.customer();
    const series = 'gameball_ledger_entries_written_total{type="ManualAccumulation"}';
    const before = valueOf(await metrics(), series);
    expect((await api.manual(customerId, 30, 'metrics-1')).error).toBeUndefined();
    expect((await api.manual(customerId, 30, 'metrics-1')).error).toMatchObject({ code: 9004 });
    const [entry] = await api.ledger(customerId);
    expect(entry!.type).toBe('ManualAccumulation');
    expect(valueOf(await metrics(), series) - before).toBe(1);
  });

  it('reports the backlog of the batch worker and of the webhook sender', async () => {
    const text0 = await metrics();
    const batch = await server.client().POST('/batch/customers', { body: { body: [{ customerId: uid('b') }, { customerId: uid('b') }, { customerId: uid('b') }] } });
    expect(batch.response.status).toBe(200);
    await pointsApi(server.as(hooked)).customer();
    const text = await metrics();
    expect(valueOf(text, 'gameball_job_backlog{job="apply-batch-items"}') - valueOf(text0, 'gameball_job_backlog{job="apply-batch-items"}')).toBe(3);
    expect(valueOf(text, 'gameball_job_backlog{job="deliver-webhooks"}')).toBeGreaterThanOrEqual(1);
    await server.jobs.runOnce();
    expect(valueOf(await metrics(), 'gameball_job_backlog{job="apply-batch-items"}')).toBe(0);
  });

  it("carries prom-client's default process metrics, event-loop lag among them", async () => {
    const text = await metrics();
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d/m);
  });
});

describe('who may read /metrics', () => {
  async function withApp(metrics: { token?: string } | false, check: (origin: string) => Promise<void>) {
    const location = await freshStorage('sqlite');
    const store = await openStore({ dataDir: location.dataDir });
    const server: Server = createApp({ store, accounts, logger: pino({ level: 'silent' }), metrics }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      await check(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      await location.drop();
    }
  }

  it('with a token, only a caller sending it as a bearer token (else 401 in the error model)', async () => {
    await withApp({ token: 's3cret-token' }, async (origin) => {
      const none = await call(`${origin}/metrics`);
      expect(none.status).toBe(401);
      expect(none.body).toMatchObject({ code: 1000, type: 'AUTHENTICATION_ERROR' });
      expect((await call(`${origin}/metrics`, { headers: { authorization: 'Bearer wrong-token!' } })).status).toBe(401);
      expect((await call(`${origin}/metrics`, { headers: keys })).status).toBe(401);
      const ok = await call(`${origin}/metrics`, { headers: { authorization: 'Bearer s3cret-token' } });
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('gameball_http_requests_total');
    });
  });

  it('nobody when turned off: 404', async () => {
    await withApp(false, async (origin) => {
      const off = await call(`${origin}/metrics`);
      expect(off.status).toBe(404);
      expect(off.body).toMatchObject({ code: 4004 });
    });
  });
});
