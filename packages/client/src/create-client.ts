import createClient, { type Middleware } from 'openapi-fetch';
import type { GameballClient, ThrowingGameballClient } from './client-types.js';
import { GameballApiError, GameballNetworkError, isGameballErrorBody, type GameballError } from './errors.js';
import type { paths } from './generated/schema.js';
import { paginate } from './paginate.js';
import { retryingFetch, type FetchLike } from './retrying-fetch.js';

/** Where the real service lives; point `baseUrl` at the reference server for local work. */
export const GAMEBALL_BASE_URL = 'https://api.gameball.co/api/v4/integrations';
/** How long an attempt may take unless `timeout` says otherwise. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface GameballClientOptions {
  /** Base URL including the API base path, e.g. `http://localhost:4010/api/v4/integrations`. */
  baseUrl?: string;
  /** The account's public key, sent as the `apikey` header on every request. */
  apiKey: string;
  /** The account's secret key, sent as the `secretkey` header. Keep it on servers. */
  secretKey?: string;
  /** A fetch implementation; defaults to the global one. */
  fetch?: FetchLike;
  /** Retries after the first attempt (see the README for which failures are retried); default 2. */
  maxRetries?: number;
  /** Milliseconds each attempt may take, answer body included; default 60000, `Infinity` for none. */
  timeout?: number;
  /** Throw GameballApiError / GameballNetworkError instead of returning `error`; default false. */
  throwOnError?: boolean;
}

type Untyped = (method: string, url: string, init: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
/** What a call resolves to, before the types of its operation are put on it. */
interface Outcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}
interface CallInit {
  timeout?: number;
  signal?: AbortSignal;
  [option: string]: unknown;
}

/**
 * Creates a typed client. By default calls return `{ data, error, response }` and never throw
 * for an HTTP status or a network failure; with `throwOnError: true` they resolve to
 * `{ data, response }` and throw GameballApiError or GameballNetworkError.
 */
export function createGameballClient(options: GameballClientOptions & { throwOnError: true }): ThrowingGameballClient;
export function createGameballClient(options: GameballClientOptions & { throwOnError?: false }): GameballClient;
export function createGameballClient(options: GameballClientOptions): GameballClient | ThrowingGameballClient;
export function createGameballClient(options: GameballClientOptions): GameballClient | ThrowingGameballClient {
  const maxRetries = options.maxRetries ?? 2;
  const timeout = checkedTimeout(options.timeout ?? DEFAULT_TIMEOUT_MS);
  if (!Number.isInteger(maxRetries) || maxRetries < 0) throw new RangeError(`maxRetries must be a whole number >= 0, not ${maxRetries}`);
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const inner = createClient<paths>({ baseUrl: options.baseUrl ?? GAMEBALL_BASE_URL });
  inner.use(authHeaders(options.apiKey, options.secretKey));
  const request = inner.request as unknown as Untyped;

  async function send(method: string, url: string, init: CallInit = {}): Promise<Outcome> {
    const { timeout: callTimeout, ...rest } = init;
    const policy = { maxRetries, timeout: callTimeout === undefined ? timeout : checkedTimeout(callTimeout) };
    const retrying = retryingFetch(fetchImpl, policy);
    let last: Response | undefined;
    const fetch: FetchLike = async (input, requestInit) => (last = await retrying(input, requestInit));
    try {
      const { data, error, response } = await request(method, url, { ...rest, fetch });
      if (response.ok) return { data, response };
      if (isGameballErrorBody(error)) return { error, response };
      return { error: unexpected(response, `HTTP ${response.status} without a Gameball error body.`), response };
    } catch (error) {
      const networkError = asNetworkError(error, last, rest.signal, policy.timeout);
      if (!networkError) throw error;
      return { error: networkError, response: networkError.response };
    }
  }

  async function sendOrThrow(method: string, url: string, init?: CallInit) {
    const { data, error, response } = await send(method, url, init);
    if (error !== undefined) throw error instanceof GameballNetworkError ? error : new GameballApiError(error as GameballError, response);
    return { data, response };
  }

  const call = options.throwOnError ? sendOrThrow : send;
  const client = {
    GET: (url: string, init?: CallInit) => call('GET', url, init),
    POST: (url: string, init?: CallInit) => call('POST', url, init),
    PUT: (url: string, init?: CallInit) => call('PUT', url, init),
    DELETE: (url: string, init?: CallInit) => call('DELETE', url, init),
    paginate: (url: string, init?: CallInit) => paginate((path, pageInit) => sendOrThrow('GET', path, pageInit), url, init),
    use: (...middleware: Middleware[]) => inner.use(...middleware),
    eject: (...middleware: Middleware[]) => inner.eject(...middleware),
  };
  return client as unknown as GameballClient | ThrowingGameballClient;
}

function checkedTimeout(ms: number): number {
  if (!(ms > 0)) throw new RangeError(`timeout must be a number of milliseconds > 0 (or Infinity), not ${ms}`);
  return ms;
}

function unexpected(response: Response, message: string, cause?: unknown): GameballNetworkError {
  return new GameballNetworkError('UNEXPECTED_RESPONSE', message, { response, cause, requestMayHaveBeenSent: true });
}

/** What the call threw, as a network error; undefined for the caller's abort and for bugs. */
function asNetworkError(error: unknown, last: Response | undefined, signal: AbortSignal | undefined, timeout: number) {
  if (error instanceof GameballNetworkError) return error;
  if (signal?.aborted) return undefined;
  // The attempt's timer can fire while the body is read, after fetch resolved.
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new GameballNetworkError('TIMEOUT', `No complete answer within ${timeout} ms.`, { cause: error, requestMayHaveBeenSent: true });
  }
  if (error instanceof SyntaxError && last) return unexpected(last, `HTTP ${last.status} with a body that is not JSON.`, error);
  // The connection broke while the body was read.
  if (error instanceof TypeError && last) {
    return new GameballNetworkError('CONNECTION', error.message, { cause: error, response: last, requestMayHaveBeenSent: true });
  }
  return undefined;
}

function authHeaders(apiKey: string, secretKey: string | undefined): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('apikey', apiKey);
      if (secretKey !== undefined) request.headers.set('secretkey', secretKey);
      return request;
    },
  };
}
