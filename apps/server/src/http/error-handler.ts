import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { errors, errorType, GameballError } from '../errors.js';

/**
 * The docs' entry for an error code: the spec's root description lists each code under a
 * `### <code>` heading in its `# Errors` section, which the docs (Redoc) route as
 * `section/errors/<code>`.
 */
export function documentationUrl(code: number): string {
  return `/docs/#section/errors/${code}`;
}

interface ValidatorError {
  status: number;
  errors: Array<{ path?: string; message?: string; errorCode?: string }>;
  message?: string;
}

function isValidatorError(error: unknown): error is ValidatorError {
  const e = error as ValidatorError;
  return typeof e?.status === 'number' && Array.isArray(e?.errors);
}

/** The keywords by which the spec states a limit of size (domain/shared/limits.ts): passing one is 422/3011. */
const LIMIT_KEYWORDS = ['maxLength', 'maxItems', 'maxProperties'];

function isOverLimit(item: { errorCode?: string }): boolean {
  return LIMIT_KEYWORDS.some((keyword) => item.errorCode === `${keyword}.openapi.validation`);
}

function describe(error: ValidatorError): string {
  return error.errors.map((e) => `${e.path ?? ''} ${e.message ?? ''}`.trim()).join('; ') || error.message || '';
}

/** Turns anything thrown into one of the server's errors; unknown ones become 500/5000. */
export function toGameballError(error: unknown, method: string, path: string): GameballError {
  if (error instanceof GameballError) return error;
  if (isValidatorError(error)) {
    const message = describe(error);
    switch (error.status) {
      case 400: {
        const missing = error.errors.some(
          (item) => item.errorCode?.startsWith('required') || /required/i.test(item.message ?? ''),
        );
        if (missing) return errors.missingArgument(message);
        return error.errors.some(isOverLimit) ? errors.limitExceeded(message) : errors.invalidValue(message);
      }
      case 404:
        return errors.routeNotFound(method, path);
      case 415: {
        // The validator names its own route syntax; the client knows the path it sent.
        // The validator writes "unsupported media type undefined" when no Content-Type was sent.
        const reasons = error.errors
          .map((e) => (e.message ?? '').replace(/^unsupported media type undefined$/, 'the request has no Content-Type header'))
          .filter(Boolean)
          .join('; ');
        return errors.unsupportedMediaType(`${method} ${path} takes a JSON body (application/json): ${reasons || 'unsupported media type'}.`);
      }
    }
  }
  // Errors from Express and its libraries (http-errors) carry a status: a 4xx stays a 4xx.
  const e = error as { status?: unknown; statusCode?: unknown; message?: unknown };
  const status = typeof e?.status === 'number' ? e.status : e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return errors.routeNotFound(method, path);
    return errors.httpError(status, typeof e.message === 'string' && e.message ? e.message : (STATUS_CODES[status] ?? 'Bad request'));
  }
  return errors.internal();
}

/** The body of every error answer, in the Gameball error model. */
function errorBody(failure: GameballError, requestId: string): string {
  return JSON.stringify({
    code: failure.code,
    type: errorType(failure.code),
    message: failure.message,
    documentationUrl: documentationUrl(failure.code),
    requestId,
  });
}

/** The one place that writes error bodies, in the Gameball error model. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const failure = toGameballError(error, req.method, req.path);
    const requestId: string = res.locals.requestId ?? 'unknown';
    // A 5xx the server raised on purpose (an injected fault) is no failure of the server; the request log has it.
    if (failure.status >= 500 && !(error instanceof GameballError)) logger.error({ err: error, requestId }, 'request failed');
    // Sent as text so a response validator never rejects the error body itself.
    res.status(failure.status).set(failure.headers).type('application/json').send(errorBody(failure, requestId));
  };
}

/**
 * The http.Server's `clientError` listener: a request Node could not parse (URL or headers over
 * the 16 KB limit, broken syntax, too slow) gets a complete HTTP/1.1 answer in the error model,
 * written on the socket, and the connection is closed; Node alone would send an empty body.
 */
export function clientErrorHandler(logger: Logger): (error: Error & { code?: string }, socket: Duplex) => void {
  return (error, socket) => {
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    if (!socket.writable) return; // answered already; Node reports each later chunk again
    const failure =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? errors.headersTooLarge()
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? errors.requestTimeout()
          : errors.unparsableRequest(error.code ?? error.message);
    const requestId = randomUUID();
    const body = errorBody(failure, requestId);
    const head = [
      `HTTP/1.1 ${failure.status} ${STATUS_CODES[failure.status] ?? ''}`,
      'content-type: application/json; charset=utf-8',
      `content-length: ${Buffer.byteLength(body)}`,
      `x-request-id: ${requestId}`,
      'connection: close',
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
    logger.info({ requestId, status: failure.status, reason: error.code ?? error.message }, 'request refused before parsing');
  };
}
