import { describe, expect, it } from 'vitest';
import { nowIso, serverForTests, uid } from '../support/harness.js';
import { specOperations } from '../support/spec-operations.js';
import { call, expectError, keys } from './helpers.js';

/** Path and query values (src/http/url-values.ts) and `+` in a query. */
describe('path and query values', () => {
  const server = serverForTests('sqlite');
  const get = (path: string) => call(`${server().baseUrl}${path}`, { headers: keys });

  it('refuses a path value with U+0000 or escapes that are not UTF-8 with 422/3003', async () => {
    expectError(await get('/customers/a%00b'), 422, 3003);
    expectError(await get('/customers/a%ED%A0%80'), 422, 3003); // an encoded lone surrogate
    expectError(await get('/customers/a%FF'), 422, 3003);
    expectError(await get('/customers/a%ZZ/balance'), 422, 3003);
  });

  it('refuses a query value with U+0000 or escapes that are not UTF-8 with 422/3003', async () => {
    expectError(await get('/transactions?customerId=a%00b'), 422, 3003);
    expectError(await get('/transactions?customerId=a%ED%A0%80'), 422, 3003);
    expectError(await get('/transactions?customerId=a%ED%BF%BF'), 422, 3003);
    expectError(await get('/transactions?customerId=100%'), 422, 3003);
  });

  it('keeps U+FFFD as an ordinary character in a path', async () => {
    const customerId = `${uid('fffd')}\ufffd`;
    expect((await server().client().POST('/customers', { body: { customerId } })).response.status).toBe(200);
    const answer = await get(`/customers/${encodeURIComponent(customerId)}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.customerId).toBe(customerId);
  });

  it('reads + in a query value as a space, as HTML forms and urlencode send it', async () => {
    const customerId = `${uid('plus')} b`;
    const gb = server().client();
    await gb.POST('/customers', { body: { customerId } });
    const manual = await gb.POST('/transactions/manual', {
      body: { customerId, transactionId: uid('man'), transactionTime: nowIso(), username: 'admin', reason: 'test', points: 5 },
    });
    expect(manual.response.status).toBe(200);
    const answer = await get(`/transactions?customerId=${customerId.replace(' ', '+')}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.transactions.map((t: { customerId: string }) => t.customerId)).toEqual([customerId]);
    const colon = await get('/transactions?customerId=a:b/c');
    expect(colon.status, colon.text).toBe(200);
  });

  it('keeps direction=+ meaning additions', async () => {
    const customerId = uid('dir');
    const gb = server().client();
    await gb.POST('/customers', { body: { customerId } });
    for (const points of [10, -3]) {
      const manual = await gb.POST('/transactions/manual', {
        body: { customerId, transactionId: uid('man'), transactionTime: nowIso(), username: 'admin', reason: 'test', points },
      });
      expect(manual.response.status).toBe(200);
    }
    for (const [sent, direction] of [['+', '+'], ['%2B', '+'], ['-', '-']]) {
      const answer = await get(`/transactions?customerId=${customerId}&direction=${sent}`);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.transactions.map((t: { direction: string }) => t.direction)).toEqual([direction]);
    }
  });
});

/** Found by the fuzz test (fuzz.test.ts): `limit=1e309` on the webhook deliveries answered 500. */
describe('numbers past every range in the URL', () => {
  const server = serverForTests('sqlite');

  it('refuses 1e309, 2^63 and other numbers no integer parameter takes with 422/3003, on every operation', async () => {
    let sent = 0;
    for (const operation of specOperations()) {
      for (const param of operation.parameters.filter((p) => p.in === 'query' && (p.schema as { type?: string } | undefined)?.type === 'integer')) {
        for (const value of ['1e309', '-1e309', '9223372036854775808', '1e21', '1.5']) {
          const url = operation.url.replace(new RegExp(`([?&])${param.name}=[^&]*&?`), '$1').replace(/[?&]$/, '');
          const answer = await call(`${server().baseUrl}${url}${url.includes('?') ? '&' : '?'}${param.name}=${value}`, { headers: keys });
          expect(answer.status, `${operation.operationId} ${param.name}=${value}: ${answer.text}`).toBe(422);
          expectError(answer, 422, answer.body.code);
          sent++;
        }
      }
    }
    expect(sent).toBeGreaterThan(20);
  });

  it('refuses 1e309 as an integer path value with 422/3003 (it was read as Infinity and passed the maximum)', async () => {
    let sent = 0;
    for (const operation of specOperations()) {
      for (const param of operation.parameters.filter((p) => p.in === 'path' && (p.schema as { type?: string } | undefined)?.type === 'integer')) {
        const url = operation.path.replace(`{${param.name}}`, '1e309').replace(/\{(\w+)\}/g, (_, name: string) => String(operation.parameters.find((p) => p.name === name)?.example));
        expectError(await call(`${server().baseUrl}${url}`, { method: operation.method.toUpperCase(), headers: keys }), 422, 3003);
        sent++;
      }
    }
    expect(sent).toBeGreaterThanOrEqual(2);
  });
});
