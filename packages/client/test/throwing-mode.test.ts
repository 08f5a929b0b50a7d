import { afterEach, describe, expect, it } from 'vitest';
import { createGameballClient, DOCUMENTED_ERRORS, GameballApiError, GameballNetworkError } from '../src/index.js';
import { gameballError, json, scriptedServer, text, type ScriptedServer, type Step } from './support/scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function throwingClient(steps: Step[]) {
  server = await scriptedServer(steps);
  return createGameballClient({ baseUrl: server.baseUrl, apiKey: 'k', secretKey: 's', maxRetries: 0, throwOnError: true });
}

const insufficient = gameballError(9008, 'TRANSACTIONS_ERROR', 'The customer has 5 available points; 10 were requested.');
const redeem = { customerId: 'c1', transactionId: 't1', transactionTime: '2024-10-11T15:54:10.944Z', points: 10 };

describe('throwing mode', () => {
  it('resolves to the data of a 2xx', async () => {
    const gb = await throwingClient([json(200, { customerId: 'c1', gameballTransactionId: '7', transactionId: 't1', redeemAmount: 1, redeemEquivalentPoints: 10 })]);
    const { data, response } = await gb.POST('/transactions/redeem', { body: redeem });
    expect(data.gameballTransactionId).toBe('7');
    expect(response.status).toBe(200);
  });

  it('throws a GameballApiError carrying the Gameball error body and the status', async () => {
    const gb = await throwingClient([json(422, insufficient)]);
    const failure = await gb.POST('/transactions/redeem', { body: redeem }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GameballApiError);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({
      name: 'GameballApiError',
      status: 422,
      code: 9008,
      type: 'TRANSACTIONS_ERROR',
      message: insufficient.message,
      requestId: 'req-9008',
      documentationUrl: '/docs#error-9008',
      body: insufficient,
    });
    expect((failure as GameballApiError).response.status).toBe(422);
  });

  it('throws a GameballNetworkError for a non-2xx that is not a Gameball error', async () => {
    const gb = await throwingClient([text(503, 'upstream unavailable', 'text/plain')]);
    const failure = await gb.GET('/customers/{customerId}/balance', { params: { path: { customerId: 'c1' } } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GameballNetworkError);
    expect(failure).not.toBeInstanceOf(GameballApiError);
    expect(failure).toMatchObject({ code: 'UNEXPECTED_RESPONSE', response: { status: 503 } });
  });

  it('leaves the default mode returning the error body and throwing nothing', async () => {
    server = await scriptedServer([json(422, insufficient)]);
    const gb = createGameballClient({ baseUrl: server.baseUrl, apiKey: 'k', maxRetries: 0 });
    const { data, error, response } = await gb.POST('/transactions/redeem', { body: redeem });
    expect(data).toBeUndefined();
    expect(error).toEqual(insufficient);
    expect(response.status).toBe(422);
  });
});

describe('the documented error codes', () => {
  it('are the rows of the spec error table, each with its status and category', () => {
    expect(DOCUMENTED_ERRORS.length).toBeGreaterThan(20);
    for (const { code, status, type } of DOCUMENTED_ERRORS) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(['AUTHENTICATION_ERROR', 'PAYLOAD_ERROR', 'GENERAL_ERROR', 'SERVER_ERROR', 'CONFIGURATIONS_ERROR', 'CUSTOMER_ERROR', 'SUBSCRIPTION_ERROR', 'TRANSACTIONS_ERROR']).toContain(type);
      expect(Math.floor(code / 1000)).toBe({ AUTHENTICATION_ERROR: 1, PAYLOAD_ERROR: 3, GENERAL_ERROR: 4, SERVER_ERROR: 5, CONFIGURATIONS_ERROR: 6, CUSTOMER_ERROR: 7, SUBSCRIPTION_ERROR: 8, TRANSACTIONS_ERROR: 9 }[type]);
    }
    expect(DOCUMENTED_ERRORS).toContainEqual({ code: 9004, status: 422, type: 'TRANSACTIONS_ERROR' });
  });
});
