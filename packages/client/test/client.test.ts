import { describe, expect, it } from 'vitest';
import { createGameballClient } from '../src/index.js';

function fakeFetch(answers: Array<{ status: number; body?: unknown; headers?: Record<string, string> }>) {
  const seen: Request[] = [];
  const fetch = async (request: Request) => {
    seen.push(request);
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)]!;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const error = { code: 7000, type: 'CUSTOMER_ERROR', message: 'no', documentationUrl: '/docs', requestId: 'r1' };

describe('createGameballClient', () => {
  it('sends both keys as headers and returns data', async () => {
    const { fetch, seen } = fakeFetch([{ status: 200, body: { hash: '123456' } }]);
    const gb = createGameballClient({ baseUrl: 'http://gb.test/api/v4/integrations', apiKey: 'k', secretKey: 's', fetch });
    const { data, error: failure } = await gb.GET('/customers/{customerId}/hash', { params: { path: { customerId: 'c 1' } } });
    expect(data).toEqual({ hash: '123456' });
    expect(failure).toBeUndefined();
    expect(seen[0]!.url).toBe('http://gb.test/api/v4/integrations/customers/c%201/hash');
    expect(seen[0]!.headers.get('apikey')).toBe('k');
    expect(seen[0]!.headers.get('secretkey')).toBe('s');
  });

  it('leaves the secret key out when none is given', async () => {
    const { fetch, seen } = fakeFetch([{ status: 200, body: { gameballId: 1 } }]);
    const gb = createGameballClient({ apiKey: 'k', fetch });
    await gb.POST('/customers', { body: { customerId: 'c' } });
    expect(seen[0]!.url).toBe('https://api.gameball.co/api/v4/integrations/customers');
    expect(seen[0]!.headers.has('secretkey')).toBe(false);
  });

  it('returns a Gameball error instead of throwing', async () => {
    const { fetch } = fakeFetch([{ status: 404, body: error }]);
    const gb = createGameballClient({ apiKey: 'k', fetch });
    const result = await gb.GET('/customers/{customerId}', { params: { path: { customerId: 'x' } } });
    expect(result.data).toBeUndefined();
    expect(result.error).toEqual(error);
    expect(result.response.status).toBe(404);
  });

  it('retries a 429 after Retry-After, for any method', async () => {
    const { fetch, seen } = fakeFetch([
      { status: 429, body: error, headers: { 'retry-after': '0' } },
      { status: 200, body: { gameballId: 9 } },
    ]);
    const gb = createGameballClient({ apiKey: 'k', fetch });
    const { data } = await gb.POST('/customers', { body: { customerId: 'c' } });
    expect(data).toEqual({ gameballId: 9 });
    expect(seen).toHaveLength(2);
  });

  it('does not retry a write that failed with 503, which may have been applied', async () => {
    const { fetch, seen } = fakeFetch([{ status: 503, body: error }, { status: 200, body: { gameballId: 9 } }]);
    const gb = createGameballClient({ apiKey: 'k', fetch });
    const { response } = await gb.POST('/customers', { body: { customerId: 'c' } });
    expect(response.status).toBe(503);
    expect(seen).toHaveLength(1);
  });
});
