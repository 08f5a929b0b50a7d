import type { RequestHandler } from 'express';
import { errors } from '../errors.js';
import { allowedMethods, type SpecRoute } from './spec-routes.js';

/**
 * HEAD is answered as GET: authenticated, validated and routed as GET. Node itself leaves the
 * body out of the answer to a HEAD request (it decides when the request arrives), so the
 * headers, Content-Length included, are those of the GET.
 */
export function headAsGet(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'HEAD') {
      res.locals.head = true;
      req.method = 'GET';
    }
    next();
  };
}

/**
 * 405/4000 with an `Allow` header for a path of the spec asked with a method it does not have,
 * before the body is read. Mounted below the API base path; unknown paths go on to the 404.
 */
export function specMethodsOnly(routes: SpecRoute[]): RequestHandler {
  return (req, res, next) => {
    const allowed = allowedMethods(routes, req.path);
    const method = res.locals.head === true ? 'HEAD' : req.method;
    if (allowed && !allowed.includes(method)) throw errors.wrongMethod(method, req.baseUrl + req.path, allowed);
    next();
  };
}
