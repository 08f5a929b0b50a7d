import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { errors } from '../errors.js';
import { OUTSIDE_API, UNKNOWN_OPERATION, type ServerMetrics } from '../metrics.js';
import { resolutionOf } from './operation-resolver.js';

/**
 * Counts every request when its answer is sent, labelled with the operation the one route
 * resolution found (operation-resolver.ts): its operationId, `unknown` for an API path that is
 * no operation (404 or 405), `outside_api` for the rest. The raw path is never a label, so the
 * number of series stays bounded whatever URLs callers send.
 */
export function requestMetrics(metrics: ServerMetrics): RequestHandler {
  return (_req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const resolution = resolutionOf(res);
      const operation =
        resolution === undefined ? OUTSIDE_API : resolution.found === 'operation' ? resolution.route.operationId : UNKNOWN_OPERATION;
      metrics.observeRequest(operation, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}

/** GET /metrics in Prometheus text format; with a token, only for `Authorization: Bearer <token>` (else 401/1000). */
export function metricsRoute(metrics: ServerMetrics, token: string | undefined): RequestHandler {
  const expected = token === undefined ? undefined : Buffer.from(`Bearer ${token}`);
  return async (req, res) => {
    if (expected) {
      const given = Buffer.from(req.get('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw errors.metricsTokenRequired();
    }
    res.type(metrics.contentType).send(await metrics.render());
  };
}
