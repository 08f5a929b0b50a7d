import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { AccountDirectory } from '../accounts.js';
import { errors } from '../errors.js';
import { resolutionOf } from './operation-resolver.js';

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Finds the account by its `apikey` (401/1000 if none) and, where the operation the request
 * resolved to (operation-resolver.ts) or the account's high security mode asks for it, checks
 * the `secretkey` (401/1001). It looks at no path itself, and runs before the body is read.
 */
export function authenticate(accounts: AccountDirectory): RequestHandler {
  return (req, res, next) => {
    const resolution = resolutionOf(res);
    if (resolution === undefined) return next(); // not an API path
    const apiKey = req.get('apikey');
    const account = apiKey ? accounts.byApiKey(apiKey) : undefined;
    if (!account) throw errors.badApiKey();
    const needsSecret = account.highSecurityMode || (resolution.found === 'operation' && resolution.route.needsSecret);
    if (needsSecret && !sameSecret(req.get('secretkey'), account.secretKey)) {
      throw errors.secretRequired();
    }
    res.locals.account = account;
    next();
  };
}
