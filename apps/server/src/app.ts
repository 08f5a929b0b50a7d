import { existsSync } from 'node:fs';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { docsDir as builtDocsDir } from '@gameball-open/docs';
import { inspectorDir as builtInspectorDir } from '@gameball-open/inspector';
import { specPath } from '@gameball-open/spec';
import type { AccountDirectory } from './accounts.js';
import { AdjustableClock } from './clock.js';
import type { RequestContext } from './context.js';
import { errors } from './errors.js';
import { faultBoard, type FaultBoard } from './faults.js';
import { handlers } from './handlers/index.js';
import { authenticate } from './http/auth.js';
import { errorHandler } from './http/error-handler.js';
import { faultInjection } from './http/fault-injection.js';
import { jsonBody } from './http/json-body.js';
import { headAsGet, refuseUnresolved } from './http/methods.js';
import { operationResolver, resolveOperation } from './http/operation-resolver.js';
import { operationRouter } from './http/operation-router.js';
import { rateLimits } from './http/rate-limits.js';
import { requestLog } from './http/request-log.js';
import { metricsRoute, requestMetrics } from './http/request-metrics.js';
import { readSpec, specRoutes } from './http/spec-routes.js';
import { finiteUrlNumbers, urlValues } from './http/url-values.js';
import { openApiValidator } from './http/validator.js';
import { JOBS } from './jobs/index.js';
import { jobRunner, type JobRunner } from './jobs/runner.js';
import { serverMetrics } from './metrics.js';
import { sql } from './store/sql.js';
import type { Store } from './store/sql.js';

const PING = sql('SELECT 1 AS ok');

export const BASE_PATH = '/api/v4/integrations';
/** The same API under `v4.0`, as Gameball also serves it. */
const ALIAS_BASE_PATH = '/api/v4.0/integrations';

export interface AppDeps {
  store: Store;
  accounts: AccountDirectory;
  logger: Logger;
  clock?: AdjustableClock;
  /** The background jobs sharing this clock; the test clock runs them after each move. */
  jobs?: JobRunner;
  /** Serve the reference server's own tools (test clock, OTP inbox). */
  referenceTools?: boolean;
  /** Check every response against the spec (on in development and tests). */
  validateResponses?: boolean;
  /** Folder of the built docs site; defaults to the docs package's build output. */
  docsDir?: string;
  /**
   * Gameball's rate limits per account and resource: on unless false (the test harness turns
   * them off); `{ now }` counts windows on another clock of milliseconds (tests).
   */
  rateLimits?: boolean | { now: () => number };
  /** GET /metrics (on unless false); with a token, only for `Authorization: Bearer <token>`. */
  metrics?: { token?: string | undefined } | false;
  /** Every account's fault injection; a new, empty one unless given (the test kit may hold it). */
  faults?: FaultBoard;
  /** Serve the inspector page at /inspector (default: where the reference tools are on). */
  inspector?: boolean;
}

/** `direction=+` sent unencoded: a `+` in a query would read as a space. */
function normaliseUrl(url: string): string {
  return url.replace(/([?&]direction=)\+(?=&|$)/, '$1%2B');
}

/**
 * Builds the application without listening: request ID and log -> URL normalising (HEAD as GET)
 * -> the route resolution (the one place a path is matched) -> auth -> 405 with Allow / 404 ->
 * path and query text checks -> JSON body -> validator -> handler -> errors. Auth, the 405, the
 * validator and the handler all read the one resolution. Every refusal on the way is a
 * GameballError written by errorHandler.
 */
export function createApp(deps: AppDeps): Express {
  const clock = deps.clock ?? new AdjustableClock();
  const jobs = deps.jobs ?? jobRunner(JOBS, { store: deps.store, accounts: deps.accounts, clock, logger: deps.logger });
  const spec = readSpec(specPath);
  const resolver = operationResolver(specRoutes(spec), [BASE_PATH, ALIAS_BASE_PATH]);
  const docsDir = deps.docsDir ?? builtDocsDir;
  const faults = deps.faults ?? faultBoard();
  const metrics = deps.metrics === false ? undefined : serverMetrics(deps.store, jobs);
  const app = express();
  app.disable('x-powered-by');
  // No ETag: no operation documents a 304, which Express answered (empty) to a GET whose
  // If-None-Match matched, `*` included; and hashing every body cost the reads time.
  app.set('etag', false);
  app.set('query parser', 'extended');

  app.use(requestLog(deps.logger));
  if (metrics) app.use(requestMetrics(metrics));
  app.use((req, _res, next) => {
    req.url = normaliseUrl(req.url);
    req.originalUrl = normaliseUrl(req.originalUrl);
    next();
  });
  app.use(headAsGet());

  app.get('/health', async (_req, res) => {
    await deps.store.get(PING);
    res.json({ status: 'ok', storage: deps.store.dialect });
  });
  if (metrics) app.get('/metrics', metricsRoute(metrics, deps.metrics ? deps.metrics.token : undefined));
  app.get('/openapi.yaml', (_req, res) => res.sendFile(specPath));
  if (existsSync(docsDir)) app.use('/docs', express.static(docsDir));
  // The inspector page: static files only; every datum it shows it reads through the API with the keys entered.
  if ((deps.inspector ?? deps.referenceTools ?? false) && existsSync(builtInspectorDir)) app.use('/inspector', express.static(builtInspectorDir));

  app.use(resolveOperation(resolver));
  app.use(authenticate(deps.accounts));
  app.use(refuseUnresolved());
  if (deps.rateLimits !== false) app.use(rateLimits(typeof deps.rateLimits === 'object' ? deps.rateLimits.now : undefined));
  app.use(faultInjection(faults));
  app.use(urlValues());
  app.use(jsonBody());
  app.use(
    openApiValidator(spec, {
      validateRequests: { allowUnknownQueryParameters: false },
      validateResponses: deps.validateResponses ?? true,
      validateSecurity: false,
      // Full checks: a date-time such as 2026-02-30T00:00:00Z or T24:00:00 is refused (422/3003)
      // instead of being shifted into the next month or day.
      validateFormats: true,
      ajvFormats: { mode: 'full' },
    }),
  );
  app.use(finiteUrlNumbers());
  app.use(
    operationRouter(handlers, (req): RequestContext => ({
      account: req.res!.locals.account,
      store: deps.store,
      clock,
      referenceTools: deps.referenceTools ?? false,
      requestId: req.res!.locals.requestId,
      jobs,
      faults,
      lang: typeof req.headers.lang === 'string' ? req.headers.lang : undefined,
    })),
  );
  app.use((req, _res, next) => next(errors.routeNotFound(req.method, req.path)));
  app.use(errorHandler(deps.logger));
  return app;
}
