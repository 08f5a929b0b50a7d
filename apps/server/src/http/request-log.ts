import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { resolutionOf } from './operation-resolver.js';

/** An incoming `x-request-id` kept as the request's ID: 1 to 200 printable ASCII characters. */
const GIVEN_REQUEST_ID = /^[\x20-\x7e]{1,200}$/;

/** The method as it arrived (HEAD is routed as GET later), for the log line. */
const ARRIVED_AS = Symbol('method as sent');
type Arrived = IncomingMessage & { [ARRIVED_AS]?: string; originalUrl?: string };

/**
 * Gives each request an ID (the caller's `x-request-id` when it is usable, else a new UUID),
 * echoed as `x-request-id` and carried by error bodies as `requestId`, and logs one JSON line
 * through pino-http when the answer is sent: requestId, method, URL, status, milliseconds, the
 * account and the operationId the router resolved.
 */
export function requestLog(logger: Logger): RequestHandler {
  const log = pinoHttp({
    logger,
    genReqId(req, res) {
      const given = req.headers['x-request-id'];
      const requestId = typeof given === 'string' && GIVEN_REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', requestId);
      return requestId;
    },
    customAttributeKeys: { responseTime: 'ms' },
    wrapSerializers: false,
    serializers: {
      req: (req: Arrived) => ({ method: req[ARRIVED_AS] ?? req.method, url: req.originalUrl ?? req.url }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
    },
    customProps: (req, res) => {
      const locals = (res as ServerResponse & { locals?: Record<string, unknown> }).locals ?? {};
      const resolution = resolutionOf({ locals } as never);
      return {
        requestId: req.id,
        account: (locals.account as { id?: string } | undefined)?.id,
        operation: resolution?.found === 'operation' ? resolution.route.operationId : undefined,
      };
    },
    customLogLevel: (_req, res) => (res.statusCode >= 500 ? 'warn' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
  });
  return (req, res, next) => {
    (req as Arrived)[ARRIVED_AS] = req.method;
    log(req, res);
    res.locals.requestId = req.id as string;
    next();
  };
}
