import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { AccountDirectory } from '../accounts.js';
import { errors } from '../errors.js';
import { matchRoute, type SpecRoute } from './spec-routes.js';

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Finds the account by its `apikey` (401/1000 if none) and, where the operation or the
 * account's high security mode asks for it, checks the `secretkey` (401/1001).
 * Mounted below the API base path, so `req.path` is relative to it.
 */
export function authenticate(accounts: AccountDirectory, routes: SpecRoute[]): RequestHandler {
  return (req, res, next) => {
    const apiKey = req.get('apikey');
    const account = apiKey ? accounts.byApiKey(apiKey) : undefined;
    if (!account) throw errors.badApiKey();
    const route = matchRoute(routes, req.method, req.path);
    const needsSecret = account.highSecurityMode || route?.needsSecret === true;
    if (needsSecret && !sameSecret(req.get('secretkey'), account.secretKey)) {
      throw errors.secretRequired();
    }
    res.locals.account = account;
    next();
  };
}
