import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { OperationId } from '@gameball-open/server-types';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type Method = (typeof METHODS)[number];

/** One operation of the spec, as the router and the auth check need it. */
export interface SpecRoute {
  method: Method;
  /** The OpenAPI path template, e.g. `/customers/{customerId}`. */
  path: string;
  /** The same path in Express syntax, e.g. `/customers/:customerId`. */
  expressPath: string;
  operationId: OperationId;
  /** True when every security alternative of the operation includes the secret key. */
  needsSecret: boolean;
  pattern: RegExp;
  /** The operation's success status: its lowest documented 2xx (200 when none is). */
  status: number;
}

export interface SpecDocument {
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, unknown>>;
}

export function readSpec(path: string): SpecDocument {
  return parse(readFileSync(path, 'utf8')) as SpecDocument;
}

/** Lists the spec's operations; the router and the auth check are both derived from it. */
export function specRoutes(spec: SpecDocument): SpecRoute[] {
  const routes: SpecRoute[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as
        | { operationId: OperationId; security?: Array<Record<string, string[]>>; responses?: Record<string, unknown> }
        | undefined;
      if (!operation) continue;
      const security = operation.security ?? [];
      routes.push({
        method,
        path,
        expressPath: path.replace(/\{([^}]+)\}/g, ':$1'),
        operationId: operation.operationId,
        needsSecret: security.length > 0 && security.every((alt) => 'secretKey' in alt),
        pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
        status: successStatus(operation.responses ?? {}),
      });
    }
  }
  return routes;
}

function successStatus(responses: Record<string, unknown>): number {
  const codes = Object.keys(responses).map(Number).filter((code) => code >= 200 && code < 300);
  return codes.length === 0 ? 200 : Math.min(...codes);
}

/** The operation answering a method and a path below the base path, if any. */
export function matchRoute(routes: SpecRoute[], method: string, path: string): SpecRoute | undefined {
  const lower = method.toLowerCase();
  return routes.find((route) => route.method === lower && route.pattern.test(path));
}

const ALLOW_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The methods the spec answers on a path below the base path, for an `Allow` header: those of
 * every operation whose path template matches, plus HEAD wherever GET is; undefined for a path
 * the spec does not have.
 */
export function allowedMethods(routes: SpecRoute[], path: string): string[] | undefined {
  const methods = new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method.toUpperCase()));
  if (methods.size === 0) return undefined;
  if (methods.has('GET')) methods.add('HEAD');
  return ALLOW_ORDER.filter((method) => methods.has(method));
}
