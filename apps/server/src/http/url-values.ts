import type { RequestHandler } from 'express';
import { errors } from '../errors.js';
import { resolutionOf } from './operation-resolver.js';
import { textProblem } from './text.js';

/** Throws 422/3003 unless a raw URL part decodes to UTF-8 text the store can keep. */
function checkPart(raw: string, what: string): void {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    throw errors.invalidValue(`${what} is not valid percent-encoded UTF-8.`);
  }
  const problem = textProblem(value);
  if (problem) throw errors.invalidValue(`${what} ${problem}.`);
}

/**
 * Refuses (422/3003) a path segment, query name or query value whose percent-escapes are not
 * UTF-8 (such as `%ED%A0%80`, an encoded lone surrogate) or that decodes to a string the store
 * cannot keep (see textProblem). In a query `+` is a space, as HTML forms and urlencode write it.
 * Runs on API requests only; Express parses the values themselves later.
 */
export function urlValues(): RequestHandler {
  return (req, res, next) => {
    if (resolutionOf(res) === undefined) return next();
    const [path = '', query = ''] = req.url.split(/\?(.*)/s);
    for (const segment of path.split('/')) checkPart(segment, `The path segment '${segment}'`);
    for (const pair of query.replaceAll('+', ' ').split('&')) {
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      checkPart(name, 'A query parameter name');
      checkPart(value, `The query parameter '${name}'`);
    }
    next();
  };
}

/**
 * Refuses (422/3003) a query or path number past every range, such as `limit=1e309`: the
 * validator reads it as Infinity and lets it through, even past a `maximum`, and no column takes
 * it. Runs after the validator, where the values of integer and number parameters are numbers
 * (those of string parameters stay strings).
 */
export function finiteUrlNumbers(): RequestHandler {
  return (req, _res, next) => {
    const path = (req as { openapi?: { pathParams?: Record<string, unknown> } }).openapi?.pathParams ?? {};
    for (const [where, values] of [['query', req.query ?? {}], ['path', path]] as const) {
      for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
        if (typeof value === 'number' && !Number.isFinite(value)) throw errors.invalidValue(`The ${where} parameter '${name}' must be a finite number.`);
      }
    }
    next();
  };
}
