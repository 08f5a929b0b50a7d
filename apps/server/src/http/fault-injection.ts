import { setTimeout as wait } from 'node:timers/promises';
import type { RequestHandler } from 'express';
import type { Account } from '../accounts.js';
import { errors } from '../errors.js';
import type { FaultBoard } from '../faults.js';
import { resolutionOf } from './operation-resolver.js';

/**
 * Applies the account's fault injection (setFaultInjection) to the operation the request
 * resolved to, after routing, auth and the rate limits and before the body is read: added
 * latency, then a 429 (4000, with Retry-After) or a 5xx (5000) in the error model. The handler
 * does not run, so an injected failure writes nothing. The reference tools are never hit, so
 * a test can always read and clear its faults.
 */
export function faultInjection(board: FaultBoard): RequestHandler {
  return async (_req, res, next) => {
    const resolution = resolutionOf(res);
    const account = res.locals.account as Account | undefined;
    if (resolution?.found !== 'operation' || !account || resolution.route.referenceTool) return next();
    const hit = board.hit(account.id, resolution.route.operationId);
    if (!hit) return next();
    if (hit.latencyMs > 0) await wait(hit.latencyMs);
    if (hit.status === undefined) return next();
    if (hit.status === 429) {
      const seconds = hit.retryAfterSeconds ?? 1;
      throw errors.rateLimited(seconds, `A rate limit injected for this account (setFaultInjection) refused this request. Retry after ${seconds} s.`);
    }
    throw errors.injectedFault(hit.status, hit.retryAfterSeconds);
  };
}
