import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** An incoming `x-request-id` kept as the request's ID: 1 to 200 printable ASCII characters. */
const GIVEN_REQUEST_ID = /^[\x20-\x7e]{1,200}$/;

/**
 * Gives each request an ID (the caller's `x-request-id` when it is usable, else a new UUID),
 * echoed as `x-request-id`, and logs one JSON line when the request ends.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const requestId = given !== undefined && GIVEN_REQUEST_ID.test(given) ? given : randomUUID();
    const method = req.method; // before HEAD is routed as GET
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      logger.info(
        {
          requestId,
          method,
          url: req.originalUrl,
          status: res.statusCode,
          account: res.locals.account?.id,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  };
}
