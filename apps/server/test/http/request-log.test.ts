import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { openStore, type Store } from '../../src/open-store.js';
import { accounts, demo, freshStorage, type StorageLocation } from '../support/harness.js';
import { call, expectError, keys } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One JSON line per request (src/http/request-log.ts), carrying the requestId the answer carries. */
describe('the request log', () => {
  const lines: Array<Record<string, any>> = [];
  let location: StorageLocation;
  let store: Store;
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    location = await freshStorage('sqlite');
    store = await openStore({ dataDir: location.dataDir });
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    server = createApp({ store, accounts, logger: pino({ level: 'info' }, sink) }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    await location.drop();
  });
  const logged = async (requestId: string) => {
    for (let i = 0; i < 50 && !lines.some((l) => l.requestId === requestId && l.msg === 'request'); i++) await new Promise((r) => setTimeout(r, 10));
    return lines.filter((l) => l.requestId === requestId && l.msg === 'request');
  };

  it('keeps an incoming X-Request-Id as the requestId of the log line, the error body and the answer header', async () => {
    const answer = await call(`${origin}/api/v4/integrations/customers/nobody`, { headers: { ...keys, 'X-Request-Id': 'trace-log-1' } });
    expectError(answer, 404, 7000);
    expect(answer.body.requestId).toBe('trace-log-1');
    const [line, ...more] = await logged('trace-log-1');
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      requestId: 'trace-log-1',
      req: { method: 'GET', url: '/api/v4/integrations/customers/nobody' },
      res: { status: 404 },
      account: demo.id,
      operation: 'getCustomer',
      ms: expect.any(Number),
    });
    expect(JSON.stringify(line)).not.toContain(demo.secretKey);
  });

  it('makes a UUID when none comes, and logs it as the answer gives it', async () => {
    const answer = await call(`${origin}/api/v4/integrations/customers/nobody`, { method: 'HEAD', headers: keys });
    const requestId = answer.headers.get('x-request-id')!;
    expect(requestId).toMatch(UUID);
    const [line] = await logged(requestId);
    expect(line).toMatchObject({ req: { method: 'HEAD' }, res: { status: 404 }, operation: 'getCustomer' });
  });
});
