import type { Request, RequestHandler } from 'express';
import type { OpenApiRequest } from 'express-openapi-validator/dist/framework/types.js';
import type { Handler, Handlers, OperationId } from '@gameball-open/server-types';
import type { RequestContext } from '../context.js';
import { resolutionOf } from './operation-resolver.js';

/**
 * Calls the handler named by the operationId of the operation the request resolved to, with the
 * path parameters, query and body as the validator checked them (and converted them to the
 * spec's types). The handler map is typed over the spec, so every operation has a handler.
 */
export function operationRouter(handlers: Handlers<RequestContext>, context: (req: Request) => RequestContext): RequestHandler {
  return async (req, res, next) => {
    const resolution = resolutionOf(res);
    if (resolution?.found !== 'operation') return next();
    const { route } = resolution;
    const handler = handlers[route.operationId] as Handler<OperationId, RequestContext>;
    const body = await handler({
      params: (req as OpenApiRequest).openapi?.pathParams ?? {},
      query: req.query,
      body: req.body,
      context: context(req),
    } as Parameters<typeof handler>[0]);
    if (body === undefined) res.status(route.status).end();
    else res.status(route.status).json(body);
  };
}
