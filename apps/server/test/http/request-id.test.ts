import { describe, expect, it } from 'vitest';
import { serverForTests } from '../support/harness.js';
import { call, expectError, keys } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An incoming x-request-id is kept when usable (src/http/request-log.ts). */
describe('x-request-id', () => {
  const server = serverForTests('sqlite');
  const missing = (requestId?: string) =>
    call(`${server().baseUrl}/customers/nobody`, { headers: { ...keys, ...(requestId === undefined ? {} : { 'x-request-id': requestId }) } });

  it('keeps an incoming x-request-id of 1-200 printable ASCII characters', async () => {
    for (const given of ['trace-1', 'a', 'x'.repeat(200), 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1', '~!@#$%^&*() {}[]']) {
      const answer = await missing(given);
      expectError(answer, 404, 7000);
      expect(answer.headers.get('x-request-id')).toBe(given);
      expect(answer.body.requestId).toBe(given);
    }
    const ok = await call(`${server().origin}/health`, { headers: { 'x-request-id': 'health-check-7' } });
    expect(ok.headers.get('x-request-id')).toBe('health-check-7');
  });

  it('makes a new UUID when the incoming one is missing, too long or not printable ASCII', async () => {
    for (const given of [undefined, '', 'x'.repeat(201), 'caf\u00e9', 'tab\there']) {
      const answer = await missing(given);
      expectError(answer, 404, 7000);
      expect(answer.body.requestId, JSON.stringify(given)).toMatch(UUID);
    }
  });
});
