import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './generated/schema.js';

export type { components, operations, paths };

/** Where the real service lives; point `baseUrl` at the reference server for local work. */
export const GAMEBALL_BASE_URL = 'https://api.gameball.co/api/v4/integrations';

export interface GameballClientOptions {
  /** Base URL including the API base path, e.g. `http://localhost:4010/api/v4/integrations`. */
  baseUrl?: string;
  /** The account's public key, sent as the `apikey` header on every request. */
  apiKey: string;
  /** The account's secret key, sent as the `secretkey` header. Keep it on servers. */
  secretKey?: string;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof globalThis.fetch;
  /** Retries on 429 (and on 502/503/504 for reads), honouring `Retry-After`; default 2. */
  maxRetries?: number;
}

export type GameballClient = Client<paths>;

/** The Gameball error body, as returned with every non-2xx status. */
export type GameballError = components['schemas']['Error'];

/**
 * Creates a typed client. Calls return `{ data, error, response }` and never throw on an
 * HTTP status: check `error` (a Gameball error body) before using `data`.
 */
export function createGameballClient(options: GameballClientOptions): GameballClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? GAMEBALL_BASE_URL,
    fetch: withRetries(options.fetch ?? globalThis.fetch, options.maxRetries ?? 2),
  });
  client.use(authHeaders(options.apiKey, options.secretKey));
  return client;
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

/** 429 is never processed, so any method may retry it; 5xx only for reads. */
const RETRYABLE_READS = new Set([429, 502, 503, 504]);
const READ_METHODS = new Set(['GET', 'HEAD']);

function shouldRetry(method: string, status: number): boolean {
  return status === 429 || (READ_METHODS.has(method) && RETRYABLE_READS.has(status));
}

function withRetries(fetchImpl: typeof globalThis.fetch, maxRetries: number) {
  return async (input: Request): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const response = await fetchImpl(input.clone());
      if (!shouldRetry(input.method, response.status) || attempt >= maxRetries) return response;
      await response.body?.cancel();
      await sleep(retryDelayMs(response.headers.get('retry-after'), attempt));
    }
  };
}

/** Milliseconds to wait: `Retry-After` (seconds or an HTTP date) if given, else backoff. */
export function retryDelayMs(retryAfter: string | null, attempt: number): number {
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 60_000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.min(Math.max(date - Date.now(), 0), 60_000);
  }
  return Math.min(200 * 2 ** attempt, 5_000);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
