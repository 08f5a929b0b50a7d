import { describe, expect, it } from 'vitest';
import { demo, demoHsm, uid, serverForTests } from '../support/harness.js';

/** Raw HTTP where the generated client cannot go: bad headers, bad JSON, unknown paths. */
describe('HTTP errors and authentication', () => {
  const server = serverForTests('sqlite');

  async function call(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
    const response = await fetch(`${server().baseUrl}${path}`, init);
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), body: text ? JSON.parse(text) : undefined };
  }

  const keys = { apikey: demo.apiKey, secretkey: demo.secretKey };

  function expectError(result: { status: number; type: string | null; body: any }, status: number, code: number) {
    expect(result.status).toBe(status);
    expect(result.type).toMatch(/application\/json/);
    expect(result.body).toMatchObject({ code, message: expect.any(String), documentationUrl: `/docs/#section/errors/${code}`, requestId: expect.any(String) });
    expect(Object.keys(result.body).sort()).toEqual(['code', 'documentationUrl', 'message', 'requestId', 'type']);
  }

  it('answers 401/1000 for a missing or unknown apikey', async () => {
    expectError(await call('/customers/x'), 401, 1000);
    expectError(await call('/customers/x', { headers: { apikey: 'nope' } }), 401, 1000);
    const wrong = await server().client({ apiKey: 'wrong', secretKey: demo.secretKey }).GET('/customers/{customerId}', { params: { path: { customerId: 'x' } } });
    expect(wrong.error).toMatchObject({ code: 1000, type: 'AUTHENTICATION_ERROR' });
  });

  it('answers 401/1001 where the secret key is needed and missing or wrong', async () => {
    const noSecret = server().client({ apiKey: demo.apiKey });
    const details = await noSecret.GET('/customers/{customerId}/details', { params: { path: { customerId: 'x' } } });
    expect(details.response.status).toBe(401);
    expect(details.error).toMatchObject({ code: 1001, type: 'AUTHENTICATION_ERROR' });
    const wrongSecret = server().client({ apiKey: demo.apiKey, secretKey: 'guess' });
    const list = await wrongSecret.GET('/transactions');
    expect(list.error?.code).toBe(1001);
    // The public read needs only the apikey.
    const customerId = uid('cust');
    await noSecret.POST('/customers', { body: { customerId } });
    const read = await noSecret.GET('/customers/{customerId}', { params: { path: { customerId } } });
    expect(read.response.status).toBe(200);
  });

  it('asks for both keys everywhere in high security mode', async () => {
    const apiKeyOnly = server().client({ apiKey: demoHsm.apiKey });
    const refused = await apiKeyOnly.POST('/customers', { body: { customerId: uid('cust') } });
    expect(refused.error?.code).toBe(1001);
    const both = server().client({ apiKey: demoHsm.apiKey, secretKey: demoHsm.secretKey });
    const accepted = await both.POST('/customers', { body: { customerId: uid('cust') } });
    expect(accepted.response.status).toBe(200);
  });

  it('answers on the /api/v4.0/integrations base path too', async () => {
    const customerId = uid('cust');
    await server().client().POST('/customers', { body: { customerId } });
    const response = await fetch(`${server().origin}/api/v4.0/integrations/customers/${customerId}`, { headers: keys });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ customerId });
  });

  it('answers malformed JSON with 400/3016 in the error model', async () => {
    const result = await call('/customers', {
      method: 'POST',
      headers: { ...keys, 'content-type': 'application/json' },
      body: '{"customerId": "a",',
    });
    expectError(result, 400, 3016);
  });

  it('answers a missing required field with 400/3000 and a wrong type with 422/3003', async () => {
    const post = (body: unknown) =>
      call('/customers', { method: 'POST', headers: { ...keys, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expectError(await post({ email: 'a@example.com' }), 400, 3000);
    expectError(await post({ customerId: 42 }), 422, 3003);
    expectError(await post({ customerId: 'c', customerAttributes: { totalOrders: -1 } }), 422, 3003);
  });

  it('answers a body that is not JSON with 415/3013', async () => {
    const result = await call('/customers', { method: 'POST', headers: { ...keys, 'content-type': 'text/plain' }, body: 'customerId=a' });
    expectError(result, 415, 3013);
  });

  it('answers an unknown path with 404/4004 and an unknown query parameter with 422/3003', async () => {
    expectError(await call('/no-such-thing', { headers: keys }), 404, 4004);
    expectError(await call('/transactions?colour=blue', { headers: keys }), 422, 3003);
  });

  it('reports health and serves the spec', async () => {
    const health = await fetch(`${server().origin}/health`);
    expect(await health.json()).toEqual({ status: 'ok', storage: 'sqlite' });
    const spec = await fetch(`${server().origin}/openapi.yaml`);
    expect(await spec.text()).toContain('operationId: createManualTransaction');
  });
});
