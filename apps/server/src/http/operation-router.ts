import { Router, type Request } from 'express';
import type { Handler, Handlers, OperationId } from '@gameball-open/server-types';
import type { RequestContext } from '../context.js';
import type { SpecRoute } from './spec-routes.js';

/**
 * One Express route per spec operation, each calling the handler named by its operationId.
 * The handler map is typed over the spec, so every operation has a handler.
 */
export function operationRouter(
  routes: SpecRoute[],
  handlers: Handlers<RequestContext>,
  context: (req: Request) => RequestContext,
): Router {
  const router = Router();
  for (const route of routes) {
    const handler = handlers[route.operationId] as Handler<OperationId, RequestContext>;
    router[route.method](route.expressPath, async (req, res) => {
      const body = await handler({
        params: req.params,
        query: req.query,
        body: req.body,
        context: context(req),
      } as Parameters<typeof handler>[0]);
      if (body === undefined) res.status(route.status).end();
      else res.status(route.status).json(body);
    });
  }
  return router;
}
