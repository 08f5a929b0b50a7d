import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { errors, errorType, GameballError } from '../errors.js';

export const DOCUMENTATION_URL = '/docs#section/Errors';

interface ValidatorError {
  status: number;
  errors: Array<{ path?: string; message?: string; errorCode?: string }>;
  message?: string;
}

function isValidatorError(error: unknown): error is ValidatorError {
  const e = error as ValidatorError;
  return typeof e?.status === 'number' && Array.isArray(e?.errors);
}

function describe(error: ValidatorError): string {
  return error.errors.map((e) => `${e.path ?? ''} ${e.message ?? ''}`.trim()).join('; ') || error.message || '';
}

/** Turns anything thrown into one of the server's errors; unknown ones become 500/5000. */
export function toGameballError(error: unknown, method: string, path: string): GameballError {
  if (error instanceof GameballError) return error;
  const e = error as { type?: string; status?: number; message?: string };
  if (e?.type === 'entity.parse.failed') return errors.malformedPayload(`The body is not valid JSON: ${e.message}`);
  if (e?.type === 'entity.too.large') return errors.payloadTooLarge();
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') {
    return errors.unsupportedMediaType(e.message ?? 'Unsupported encoding.');
  }
  if (isValidatorError(error)) {
    const message = describe(error);
    switch (error.status) {
      case 400: {
        const missing = error.errors.some(
          (item) => item.errorCode?.startsWith('required') || /required/i.test(item.message ?? ''),
        );
        return missing ? errors.missingArgument(message) : errors.invalidValue(message);
      }
      case 404:
        return errors.routeNotFound(method, path);
      case 405:
        return errors.methodNotAllowed(method, path);
      case 415:
        return errors.unsupportedMediaType(message);
    }
  }
  return errors.internal();
}

/** The one place that writes error bodies, in the Gameball error model. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const failure = toGameballError(error, req.method, req.path);
    const requestId: string = res.locals.requestId ?? 'unknown';
    if (failure.status >= 500) logger.error({ err: error, requestId }, 'request failed');
    const body = {
      code: failure.code,
      type: errorType(failure.code),
      message: failure.message,
      documentationUrl: DOCUMENTATION_URL,
      requestId,
    };
    // Sent as text so a response validator never rejects the error body itself.
    res.status(failure.status).set(failure.headers).type('application/json').send(JSON.stringify(body));
  };
}
