import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { resolutionOf } from './operation-resolver.js';

/** An incoming `x-request-id` kept as the request's ID: 1 to 200 printable ASCII characters. */
const GIVEN_REQUEST_ID = /^[\x20-\x7e]{1,200}$/;

/**
 * Gives each request an ID (the caller's `x-request-id` when it is usable, else a new UUID),
 * echoed as `x-request-id` and carried by error bodies as `requestId`, and logs one JSON line
 * when the answer is sent (or the connection closed before it was): requestId, method as it
 * arrived, URL, status, milliseconds, the account and the operationId the router resolved.
 *
 * One line and nothing else per request: no child logger per request (pino-http made one, and
 * it cost a tenth of a plain read's time), and nothing built when the level is off.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const method = req.method;
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && GIVEN_REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    res.locals.requestId = requestId;
    res.once('close', () => {
      const level = res.statusCode >= 500 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const resolution = resolutionOf(res);
      logger[level](
        {
          requestId,
          req: { method, url: req.originalUrl },
          res: { status: res.statusCode },
          ms: Math.round(performance.now() - started),
          account: (res.locals.account as { id?: string } | undefined)?.id,
          operation: resolution?.found === 'operation' ? resolution.route.operationId : undefined,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });
    next();
  };
}
