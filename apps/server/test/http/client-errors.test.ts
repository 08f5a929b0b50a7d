import { describe, expect, it } from 'vitest';
import { serverForTests } from '../support/harness.js';
import { call, expectError, keys, parseRaw, rawExchange } from './helpers.js';

/** Requests Node cannot parse get a Gameball error body too (src/http/listen.ts, clientError). */
describe('requests Node cannot parse', () => {
  const server = serverForTests('sqlite');

  function expectRawError(raw: string, status: number, code: number) {
    const answer = parseRaw(raw);
    expect(answer.status, raw.slice(0, 300)).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.headers.connection).toBe('close');
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
    const body = JSON.parse(answer.body);
    expect(body).toMatchObject({ code, type: 'GENERAL_ERROR', message: expect.any(String), documentationUrl: `/docs/#section/errors/${code}` });
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers['x-request-id']).toBe(body.requestId);
  }

  it('answers a URL over 16 KB with 431/4000 in the error model', async () => {
    expectError(await call(`${server().baseUrl}/customers/${'a'.repeat(17 * 1024)}`, { headers: keys }), 431, 4000);
  });

  it('answers a header over 16 KB with 431/4000 in the error model', async () => {
    expectError(await call(`${server().baseUrl}/customers/x`, { headers: { ...keys, 'x-padding': 'b'.repeat(17 * 1024) } }), 431, 4000);
  });

  it('writes a complete HTTP/1.1 answer and closes the connection', async () => {
    expectRawError(await rawExchange(server().origin, `GET /${'c'.repeat(20_000)} HTTP/1.1\r\nhost: x\r\n\r\n`), 431, 4000);
  });

  it('answers other unparsable requests with 400/4000 in the error model', async () => {
    expectRawError(await rawExchange(server().origin, 'NOT AN HTTP REQUEST\r\n\r\n'), 400, 4000);
    expectRawError(await rawExchange(server().origin, 'GET /health HTTP/1.1\r\nhost: x\r\nbad header line\r\n\r\n'), 400, 4000);
    expectRawError(await rawExchange(server().origin, `GET /api/v4/integrations/customers/caf\xc3\xa9 HTTP/1.1\r\nhost: x\r\n\r\n`), 400, 4000);
  });

  it('keeps serving after refusing', async () => {
    expect((await call(`${server().origin}/health`)).status).toBe(200);
  });
});
