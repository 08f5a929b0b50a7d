import { describe, expect, it } from 'vitest';
import { serverForTests, uid } from '../support/harness.js';
import { specOperations } from '../support/spec-operations.js';
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

  it('routes GET of /customers/social-challenges to getCustomer: a literal path takes only its own methods', async () => {
    expect((await server().client().POST('/customers', { body: { customerId: 'social-challenges' } })).response.status).toBe(200);
    const got = await call(url('/customers/social-challenges'), { headers: keys });
    expect(got.status, got.text).toBe(200);
    expect(got.body.customerId).toBe('social-challenges');
    const { data } = await server().client().GET('/customers/{customerId}', { params: { path: { customerId: 'social-challenges' } } });
    expect(data?.customerId).toBe('social-challenges');
    // POST stays awardSocialChallenge (a 404/4004 here: the demo account has no such campaign).
    const post = await call(url('/customers/social-challenges'), {
      method: 'POST',
      headers: { ...keys, 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'social-challenges', campaignId: 1 }),
    });
    expect(post.status, post.text).not.toBe(405);
  });

  it('answers every 405 with an Allow header whose methods all answer, on every path of the spec', async () => {
    const paths = [...new Set(specOperations().map((op) => op.url.split('?')[0]!))];
    const problems: string[] = [];
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        const answer = await call(url(path), { method, headers: { ...keys, 'content-type': 'application/json' }, ...(method === 'GET' ? {} : { body: '{}' }) });
        if (answer.status !== 405) continue;
        const allow = answer.headers.get('allow');
        if (!allow) {
          problems.push(`${method} ${path}: 405 without Allow`);
          continue;
        }
        if (allow.split(', ').includes(method)) problems.push(`${method} ${path}: 405 though Allow lists it`);
        for (const other of allow.split(', ').filter((m) => m !== 'HEAD')) {
          const again = await call(url(path), { method: other, headers: { ...keys, 'content-type': 'application/json' }, ...(other === 'GET' ? {} : { body: '{}' }) });
          if (again.status === 405) problems.push(`${other} ${path}: listed in Allow but answers 405`);
        }
      }
    }
    expect(paths.length).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });
});
