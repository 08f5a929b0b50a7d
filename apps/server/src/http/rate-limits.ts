import type { RequestHandler } from 'express';
import type { Account } from '../accounts.js';
import { errors } from '../errors.js';
import { resolutionOf } from './operation-resolver.js';
import { resourceOf, type RateLimit } from '../rate-limit-table.js';

interface Windows {
  second: number;
  inSecond: number;
  window30: number;
  in30: number;
}

/** Counts requests in windows per key. */
interface RateLimiter {
  /**
   * Counts one request; answers undefined when it may go on, else the whole seconds until the
   * window it overran ends (at least 1), for Retry-After.
   */
  take(key: string, limit: RateLimit, nowMs: number): number | undefined;
}

/**
 * Fixed windows per key (account and resource): the current second and the current 30 seconds.
 * A refused request is not counted. Memory is one entry per account and resource in use.
 */
function rateLimiter(): RateLimiter {
  const windows = new Map<string, Windows>();
  return {
    take(key, limit, nowMs) {
      const second = Math.floor(nowMs / 1000);
      const window30 = Math.floor(nowMs / 30_000);
      let state = windows.get(key);
      if (!state) windows.set(key, (state = { second, inSecond: 0, window30, in30: 0 }));
      if (state.second !== second) Object.assign(state, { second, inSecond: 0 });
      if (state.window30 !== window30) Object.assign(state, { window30, in30: 0 });
      if (state.in30 >= limit.per30Seconds) return Math.max(1, Math.ceil(((window30 + 1) * 30_000 - nowMs) / 1000));
      if (state.inSecond >= limit.perSecond) return 1;
      state.inSecond++;
      state.in30++;
      return undefined;
    },
  };
}

/**
 * Gameball's rate limits (rate-limit-table.ts), per account and resource, after routing and
 * auth and before the body is read: over either limit the answer is 429/4000 with Retry-After.
 * Counted in this process: several processes sharing one database each allow the full rate.
 */
export function rateLimits(now: () => number = Date.now): RequestHandler {
  const limiter = rateLimiter();
  return (_req, res, next) => {
    const resolution = resolutionOf(res);
    const account = res.locals.account as Account | undefined;
    if (resolution?.found !== 'operation' || !account || account.rateLimits === false) return next();
    const resource = resourceOf(resolution.route);
    if (!resource) return next();
    const limit = account.rateLimits[resource];
    const wait = limiter.take(`${account.id}\n${resource}`, limit, now());
    if (wait === undefined) return next();
    throw errors.rateLimited(
      wait,
      `Too many requests to ${resource} for this account: at most ${limit.perSecond} a second and ${limit.per30Seconds} in 30 seconds. Retry after ${wait} s.`,
    );
  };
}
