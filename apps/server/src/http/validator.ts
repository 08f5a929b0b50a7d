import type { RequestHandler } from 'express';
import { OpenApiSpecLoader } from 'express-openapi-validator/dist/framework/openapi.spec.loader.js';
import type { OpenApiContext } from 'express-openapi-validator/dist/framework/openapi.context.js';
import type { OpenApiRequest, OpenApiValidatorOpts } from 'express-openapi-validator/dist/framework/types.js';
import { OpenApiValidator } from 'express-openapi-validator/dist/openapi.validator.js';
import { resolutionOf } from './operation-resolver.js';
import type { SpecDocument } from './spec-routes.js';

type Operations = Record<string, Record<string, unknown>>;

/**
 * Takes the place of the validator's own route lookup (which matched the path against every
 * operation's pattern again, with its own rules): the operation comes from the request's one
 * resolution. Path parameters are decoded here, after urlValues checked that they decode.
 */
function resolvedOperationMetadata(context: OpenApiContext, responseApiDoc?: { paths: Operations }): RequestHandler {
  const operations = context.apiDoc.paths as Operations;
  return (req, res, next) => {
    const resolution = resolutionOf(res);
    if (resolution?.found !== 'operation') return next();
    const { route, rawParams } = resolution;
    const pathParams = Object.fromEntries(Object.entries(rawParams).map(([name, raw]) => [name, decodeURIComponent(raw)]));
    const metadata = {
      // The spec's path: the validator keys its compiled checks by it and names it in errors.
      expressRoute: route.path,
      openApiRoute: route.path,
      pathParams,
      schema: operations[route.path]![route.method] as never,
      serial: context.serial,
      _responseSchema: responseApiDoc?.paths[route.path]?.[route.method],
    };
    (req as OpenApiRequest).openapi = metadata;
    next();
  };
}

/**
 * express-openapi-validator's middlewares (request checks, and response checks where asked),
 * with the operation of each request taken from its resolution instead of looked up again.
 */
export function openApiValidator(spec: SpecDocument, options: Omit<OpenApiValidatorOpts, 'apiSpec'>): RequestHandler[] {
  const validator = new OpenApiValidator({ ...options, apiSpec: structuredClone(spec) as never });
  Object.assign(validator, { metadataMiddleware: resolvedOperationMetadata });
  const loaded = new OpenApiSpecLoader({ apiDoc: structuredClone(spec) as never, validateApiSpec: true, $refParser: { mode: 'bundle' } }).load();
  return validator.installMiddleware(loaded) as unknown as RequestHandler[];
}
