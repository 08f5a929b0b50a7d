import { describe, expect, it } from 'vitest';
import { serverForTests, uid } from '../support/harness.js';
import { call, expectError, keys } from './helpers.js';

/** HEAD answered as GET, and 405 with an Allow header (src/http/methods.ts). */
describe('methods', () => {
  const server = serverForTests('sqlite');
  const url = (path: string) => `${server().baseUrl}${path}`;

  it('answers HEAD like GET, without a body', async () => {
    const customerId = uid('head');
    await server().client().POST('/customers', { body: { customerId } });
    for (const path of ['/transactions', `/customers/${customerId}`, `/customers/${customerId}/balance`]) {
      const got = await call(url(path), { headers: keys });
      const head = await call(url(path), { method: 'HEAD', headers: keys });
      expect(got.status, got.text).toBe(200);
      expect(head.status).toBe(200);
      expect(head.text).toBe('');
      expect(head.headers.get('content-type')).toBe(got.headers.get('content-type'));
      expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(got.text)));
    }
  });

  it('answers HEAD with the status GET would have, still without a body', async () => {
    const missing = await call(url('/customers/nobody-here'), { method: 'HEAD', headers: keys });
    expect(missing.status).toBe(404);
    expect(missing.text).toBe('');
    expect((await call(url('/customers/x'), { method: 'HEAD' })).status).toBe(401);
    expect((await call(`${server().origin}/health`, { method: 'HEAD' })).status).toBe(200);
  });

  it('answers a method the path does not have with 405/4000 and an Allow header', async () => {
    const put = await call(url('/customers'), { method: 'PUT', headers: keys });
    expectError(put, 405, 4000);
    expect(put.headers.get('allow')).toBe('POST');
    const del = await call(url('/transactions'), { method: 'DELETE', headers: keys });
    expectError(del, 405, 4000);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    const head = await call(url('/customers'), { method: 'HEAD', headers: keys });
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('POST');
    const options = await call(url('/transactions/hold/abc'), { method: 'OPTIONS', headers: keys });
    expectError(options, 405, 4000);
    expect(options.headers.get('allow')).toMatch(/DELETE/);
  });

  it('lists every method a path has', async () => {
    const patch = await call(url('/customers/someone'), { method: 'PATCH', headers: keys });
    expectError(patch, 405, 4000);
    const allowed = patch.headers.get('allow')!.split(', ');
    expect(allowed).toEqual(expect.arrayContaining(['GET', 'HEAD']));
    for (const method of allowed.filter((m) => m !== 'HEAD')) {
      const answer = await call(url('/customers/someone'), { method, headers: { ...keys, 'content-type': 'application/json' }, ...(method === 'GET' ? {} : { body: '{}' }) });
      expect(answer.status, `${method}: ${answer.text}`).not.toBe(405);
    }
  });
});
