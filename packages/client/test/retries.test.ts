import { afterEach, describe, expect, it } from 'vitest';
import { createGameballClient, retryDelayMs } from '../src/index.js';
import { gameballError, json, scriptedServer, text, type ScriptedServer, type Step } from './support/scripted-server.js';

const balance = { customerId: 'c1', availablePointsBalance: 5 };
const serverError = json(500, gameballError(5000, 'SERVER_ERROR'));
const unavailable = (retryAfter?: string) => json(503, gameballError(5000, 'SERVER_ERROR'), retryAfter ? { 'retry-after': retryAfter } : {});
const tooMany = (retryAfter: string) => json(429, gameballError(4000, 'GENERAL_ERROR', 'slow down'), { 'retry-after': retryAfter });
const created = json(200, { gameballId: 9 });

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(steps: Step[], maxRetries?: number) {
  server = await scriptedServer(steps);
  return createGameballClient({ baseUrl: server.baseUrl, apiKey: 'k', secretKey: 's', ...(maxRetries === undefined ? {} : { maxRetries }) });
}

const getBalance = (gb: Awaited<ReturnType<typeof clientFor>>) =>
  gb.GET('/customers/{customerId}/balance', { params: { path: { customerId: 'c1' } } });
const createCustomer = (gb: Awaited<ReturnType<typeof clientFor>>) => gb.POST('/customers', { body: { customerId: 'c1' } });

describe('retries', () => {
  it('sends a read again after a 5xx, and returns the answer that succeeded', async () => {
    const gb = await clientFor([serverError, text(502, '<html>bad gateway</html>'), json(200, balance)]);
    const { data, error } = await getBalance(gb);
    expect(error).toBeUndefined();
    expect(data).toEqual(balance);
    expect(server!.seen.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
  });

  it('stops after maxRetries (2 by default) and returns the last error', async () => {
    const gb = await clientFor([serverError]);
    const { error, response } = await getBalance(gb);
    expect(response.status).toBe(500);
    expect(error).toMatchObject({ code: 5000 });
    expect(server!.seen).toHaveLength(3);
  });

  it('does not retry with maxRetries 0', async () => {
    const gb = await clientFor([serverError, json(200, balance)], 0);
    expect((await getBalance(gb)).response.status).toBe(500);
    expect(server!.seen).toHaveLength(1);
  });

  it('does not send a write again after a 5xx, which may have been applied', async () => {
    const gb = await clientFor([serverError, created]);
    const { error, response } = await createCustomer(gb);
    expect(response.status).toBe(500);
    expect(error).toMatchObject({ code: 5000 });
    expect(server!.seen).toHaveLength(1);
  });

  it('does not send a write again after a 503 either, Retry-After or not', async () => {
    const gb = await clientFor([unavailable('0'), created]);
    expect((await createCustomer(gb)).response.status).toBe(503);
    expect(server!.seen).toHaveLength(1);
  });

  it('sends a write again after a 429, which was not processed, waiting Retry-After seconds', async () => {
    const gb = await clientFor([tooMany('1'), created]);
    const { data } = await createCustomer(gb);
    expect(data).toEqual({ gameballId: 9 });
    const [first, second] = server!.seen;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('waits for Retry-After on a 503 of a read', async () => {
    const gb = await clientFor([unavailable('1'), json(200, balance)]);
    expect((await getBalance(gb)).data).toEqual(balance);
    const [first, second] = server!.seen;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('returns a 429 at once when Retry-After asks for more than a minute', async () => {
    const gb = await clientFor([tooMany('120'), created]);
    const started = Date.now();
    const { response } = await createCustomer(gb);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('120');
    expect(server!.seen).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(10_000); // far below the 120 s asked for
  });

  it('does not retry a 4xx other than 429', async () => {
    const gb = await clientFor([json(404, gameballError(7000, 'CUSTOMER_ERROR')), json(200, balance)]);
    expect((await getBalance(gb)).error).toMatchObject({ code: 7000 });
    expect(server!.seen).toHaveLength(1);
  });
});

describe('retryDelayMs', () => {
  it('reads Retry-After as seconds or as an HTTP date, and gives up past a minute', () => {
    expect(retryDelayMs('2', 0)).toBe(2000);
    expect(retryDelayMs('0', 3)).toBe(0);
    expect(retryDelayMs(new Date(Date.now() - 1000).toUTCString(), 0)).toBe(0);
    const inTenSeconds = retryDelayMs(new Date(Date.now() + 10_000).toUTCString(), 0)!;
    expect(inTenSeconds).toBeGreaterThan(8_000);
    expect(inTenSeconds).toBeLessThanOrEqual(10_000);
    expect(retryDelayMs('60', 0)).toBe(60_000);
    expect(retryDelayMs('61', 0)).toBeUndefined();
  });

  it('backs off exponentially without Retry-After, with jitter in the upper half of each step', () => {
    expect(retryDelayMs(null, 0, () => 0)).toBe(125);
    expect(retryDelayMs(null, 0, () => 1)).toBe(250);
    expect(retryDelayMs(null, 2, () => 0)).toBe(500);
    expect(retryDelayMs(null, 2, () => 1)).toBe(1000);
    expect(retryDelayMs(null, 10, () => 1)).toBe(8000);
    expect(retryDelayMs('soon', 1, () => 0.5)).toBe(375);
    const draws = new Set(Array.from({ length: 20 }, () => retryDelayMs(null, 3)));
    expect(draws.size).toBeGreaterThan(1);
  });
});
