import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGameballClient, GameballNetworkError } from '../src/index.js';
import { hang, hangAfterHeaders, json, reset, scriptedServer, text, type ScriptedServer, type Step } from './support/scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Counts the attempts that reach fetch, including those that never get a connection. */
function countingFetch() {
  const attempts: string[] = [];
  const fetch = (input: Request, init?: RequestInit) => {
    attempts.push(input.method);
    return globalThis.fetch(input, init);
  };
  return { attempts, fetch };
}

async function clientFor(steps: Step[], options: { timeout?: number; maxRetries?: number } = {}) {
  server = await scriptedServer(steps);
  return createGameballClient({ baseUrl: server.baseUrl, apiKey: 'k', ...options });
}

const balanceOf = { params: { path: { customerId: 'c1' } } };

describe('network errors', () => {
  it('come back in error for a refused connection, and the write is retried since nothing was sent', async () => {
    const { attempts, fetch } = countingFetch();
    const gb = createGameballClient({ baseUrl: `http://127.0.0.1:${await closedPort()}/api/v4/integrations`, apiKey: 'k', fetch });
    const { data, error, response } = await gb.POST('/customers', { body: { customerId: 'c1' } });
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(GameballNetworkError);
    expect(error).toMatchObject({ type: 'NETWORK_ERROR', code: 'CONNECTION_REFUSED', requestMayHaveBeenSent: false });
    expect(response.status).toBe(0);
    expect(attempts).toEqual(['POST', 'POST', 'POST']);
  });

  it('come back in error when the host name does not resolve', async () => {
    const gb = createGameballClient({ baseUrl: 'http://gameball-client-test.invalid/api/v4/integrations', apiKey: 'k', maxRetries: 0 });
    const { error } = await gb.GET('/customers/{customerId}/balance', balanceOf);
    expect(error).toMatchObject({ type: 'NETWORK_ERROR', code: 'DNS', requestMayHaveBeenSent: false });
  });

  it('time out a read after `timeout` ms per attempt, retrying it', async () => {
    const gb = await clientFor([hang], { timeout: 200, maxRetries: 1 });
    const started = Date.now();
    const { error } = await gb.GET('/customers/{customerId}/balance', balanceOf);
    expect(error).toMatchObject({ code: 'TIMEOUT', requestMayHaveBeenSent: true });
    expect(server!.seen).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('time out a write without sending it again, as it may have been applied', async () => {
    const gb = await clientFor([hang, json(200, { gameballId: 1 })], { timeout: 200 });
    const { error } = await gb.POST('/customers', { body: { customerId: 'c1' } });
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect(server!.seen).toHaveLength(1);
  });

  it('take the timeout of a call over the client one, and count the body in it', async () => {
    const gb = await clientFor([hangAfterHeaders], { timeout: 60_000, maxRetries: 0 });
    const started = Date.now();
    const { error } = await gb.GET('/customers/{customerId}/balance', { ...balanceOf, timeout: 150 });
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('come back in error for a dropped connection; a read is retried, a write is not', async () => {
    const read = await clientFor([reset, json(200, { customerId: 'c1' })]);
    expect((await read.GET('/customers/{customerId}/balance', balanceOf)).data).toEqual({ customerId: 'c1' });
    expect(server!.seen).toHaveLength(2);
    await server!.close();
    const write = await clientFor([reset, json(200, { gameballId: 1 })]);
    const { error } = await write.POST('/customers', { body: { customerId: 'c1' } });
    expect(error).toMatchObject({ code: 'CONNECTION', requestMayHaveBeenSent: true });
    expect(server!.seen).toHaveLength(1);
  });

  it('report an answer that is not Gameball’s (a proxy page, a body that is not JSON) with the answer', async () => {
    const gb = await clientFor([text(502, '<html>Bad gateway</html>'), text(200, '{"customerId":', 'application/json')], { maxRetries: 0 });
    const proxied = await gb.GET('/customers/{customerId}/balance', balanceOf);
    expect(proxied.error).toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
    expect(proxied.response.status).toBe(502);
    const truncated = await gb.GET('/customers/{customerId}/balance', balanceOf);
    expect(truncated.error).toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
    expect(truncated.response.status).toBe(200);
  });

  it('leave the caller’s own abort a thrown abort, and stop retrying', async () => {
    const gb = await clientFor([hang]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(gb.GET('/customers/{customerId}/balance', { ...balanceOf, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(server!.seen).toHaveLength(1);
  });

  it('stop reading an answer body when the caller aborts', async () => {
    const gb = await clientFor([hangAfterHeaders], { maxRetries: 0 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(gb.GET('/customers/{customerId}/balance', { ...balanceOf, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('are thrown in throwing mode', async () => {
    server = await scriptedServer([hang]);
    const gb = createGameballClient({ baseUrl: server.baseUrl, apiKey: 'k', timeout: 100, maxRetries: 0, throwOnError: true });
    const failure = await gb.GET('/customers/{customerId}/balance', balanceOf).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GameballNetworkError);
    expect(failure).toMatchObject({ code: 'TIMEOUT', message: 'No answer within 100 ms.' });
  });
});
