import type { components } from './generated/schema.js';
import type { GameballErrorCode } from './generated/error-codes.js';

/** The Gameball error body, as returned with every non-2xx status. */
export type GameballError = components['schemas']['Error'];

/** Why a request got no Gameball answer. */
export type NetworkErrorCode =
  /** No connection could be opened: refused, host or network unreachable, connect timeout. */
  | 'CONNECTION_REFUSED'
  /** The host name could not be resolved. */
  | 'DNS'
  /** The `timeout` passed before the answer (headers and body) arrived. */
  | 'TIMEOUT'
  /** The connection failed after it was opened (reset, closed early). */
  | 'CONNECTION'
  /** An answer came, but not a Gameball one: a non-2xx without a Gameball error body, or a body that is not JSON. */
  | 'UNEXPECTED_RESPONSE';

// A brand instead of plain `instanceof`, so errors match across the package's CJS and ESM copies.
const NETWORK = Symbol.for('@gameball-open/client/GameballNetworkError');
const API = Symbol.for('@gameball-open/client/GameballApiError');

function branded(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/**
 * The request got no Gameball answer. `requestMayHaveBeenSent` is false only when the request
 * certainly never left (refused connection, DNS): only then may a write be sent again blindly.
 */
export class GameballNetworkError extends Error {
  readonly type = 'NETWORK_ERROR' as const;
  readonly code: NetworkErrorCode;
  readonly requestMayHaveBeenSent: boolean;
  /** The answer, for UNEXPECTED_RESPONSE; `Response.error()` (status 0) when none came. */
  readonly response: Response;
  readonly [NETWORK] = true;

  constructor(code: NetworkErrorCode, message: string, options: { cause?: unknown; response?: Response; requestMayHaveBeenSent: boolean }) {
    super(message, { cause: options.cause });
    this.name = 'GameballNetworkError';
    this.code = code;
    this.requestMayHaveBeenSent = options.requestMayHaveBeenSent;
    this.response = options.response ?? Response.error();
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, NETWORK);
  }
}

/** A Gameball error answer, thrown by a client created with `throwOnError: true`. */
export class GameballApiError extends Error {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The Gameball error code, one of those in the spec's error table. */
  readonly code: GameballErrorCode;
  readonly type: GameballError['type'];
  readonly documentationUrl: string;
  readonly requestId: string;
  /** The error body as received. */
  readonly body: GameballError;
  readonly response: Response;
  readonly [API] = true;

  constructor(body: GameballError, response: Response) {
    super(body.message);
    this.name = 'GameballApiError';
    this.status = response.status;
    this.code = body.code as GameballErrorCode;
    this.type = body.type;
    this.documentationUrl = body.documentationUrl;
    this.requestId = body.requestId;
    this.body = body;
    this.response = response;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, API);
  }
}

/** Whether a parsed body is a Gameball error (code, type, message). */
export function isGameballErrorBody(body: unknown): body is GameballError {
  if (typeof body !== 'object' || body === null) return false;
  const { code, type, message } = body as Record<string, unknown>;
  return typeof code === 'number' && typeof type === 'string' && typeof message === 'string';
}

const NOT_SENT_CODES: Record<string, NetworkErrorCode> = {
  ECONNREFUSED: 'CONNECTION_REFUSED',
  EHOSTUNREACH: 'CONNECTION_REFUSED',
  ENETUNREACH: 'CONNECTION_REFUSED',
  UND_ERR_CONNECT_TIMEOUT: 'CONNECTION_REFUSED',
  ENOTFOUND: 'DNS',
  EAI_AGAIN: 'DNS',
  EAI_FAIL: 'DNS',
  EAI_NONAME: 'DNS',
};

/** The `code` of an error or of the errors it was caused by (undici nests them, Node aggregates them). */
function systemCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 4) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && code in NOT_SENT_CODES) return code;
  const inner = systemCode(cause, depth + 1) ?? (Array.isArray(errors) ? errors.map((e) => systemCode(e, depth + 1)).find(Boolean) : undefined);
  return inner ?? (typeof code === 'string' ? code : undefined);
}

/** Turns what `fetch` rejected with into a network error; undefined when it is not one (e.g. the caller aborted). */
export function networkErrorOf(error: unknown, timedOut: boolean, timeoutMs: number): GameballNetworkError | undefined {
  if (timedOut) {
    return new GameballNetworkError('TIMEOUT', `No answer within ${timeoutMs} ms.`, { cause: error, requestMayHaveBeenSent: true });
  }
  // fetch rejects with a TypeError for every network failure (the fetch standard's "network error").
  if (!(error instanceof TypeError)) return undefined;
  const code = systemCode(error);
  const notSent = code === undefined ? undefined : NOT_SENT_CODES[code];
  if (notSent) {
    return new GameballNetworkError(notSent, `${error.message} (${code})`, { cause: error, requestMayHaveBeenSent: false });
  }
  return new GameballNetworkError('CONNECTION', code ? `${error.message} (${code})` : error.message, {
    cause: error,
    requestMayHaveBeenSent: true,
  });
}
