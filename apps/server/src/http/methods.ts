import type { RequestHandler } from 'express';
import { errors } from '../errors.js';
import { resolutionOf } from './operation-resolver.js';

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
 * After auth and before the body is read, an API request that resolved to no operation ends
 * here: 405/4000 with an `Allow` header for a path of the spec asked with a method it lacks,
 * 404/4004 for a path the spec does not have.
 */
export function refuseUnresolved(): RequestHandler {
  return (req, res, next) => {
    const resolution = resolutionOf(res);
    if (resolution?.found === 'path') {
      throw errors.wrongMethod(res.locals.head === true ? 'HEAD' : req.method, req.path, resolution.allowed);
    }
    if (resolution?.found === 'nothing') throw errors.routeNotFound(res.locals.head === true ? 'HEAD' : req.method, req.path);
    next();
  };
}
