import type { RequestHandler, Response } from 'express';
import type { SpecRoute } from './spec-routes.js';

/**
 * What the one route resolution of a request found: an operation (with its path parameters as
 * sent, still percent-encoded), a path of the spec that lacks the method (with the methods it
 * has), or no path of the spec. Auth, the 405/404 answers, the validator and the handler all
 * read this one answer, so they cannot disagree about which operation a request is.
 */
export type Resolution =
  | { found: 'operation'; route: SpecRoute; rawParams: Record<string, string> }
  | { found: 'path'; allowed: string[] }
  | { found: 'nothing' };

type Segment = { literal: string } | { param: string };

interface Template {
  segments: Segment[];
  byMethod: Map<string, SpecRoute>;
}

const ALLOW_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** ASCII-only lower case: letters of a URL compare without case, nothing else is folded. */
const fold = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

function segmentsOf(template: string): Segment[] {
  return template
    .split('/')
    .slice(1)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? { param: part.slice(1, -1) } : { literal: fold(part) }));
}

/** Literal segments before parameters, from the left: `/customers/social-challenges` before `/customers/{customerId}`. */
function bySpecificity(a: Template, b: Template): number {
  for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
    const aLiteral = 'literal' in a.segments[i]!;
    const bLiteral = 'literal' in b.segments[i]!;
    if (aLiteral !== bLiteral) return aLiteral ? -1 : 1;
  }
  return 0;
}

function match(template: Template, parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const segment = template.segments[i]!;
    const part = parts[i]!;
    if ('literal' in segment) {
      if (fold(part) !== segment.literal) return undefined;
    } else if (part === '') return undefined;
    else params[segment.param] = part;
  }
  return params;
}

export interface OperationResolver {
  /** Undefined for a path outside the API's base paths; `method` is upper case (HEAD asked as GET). */
  resolve(method: string, path: string): Resolution | undefined;
}

/**
 * The server's only path matcher. A path is the base path (or its alias) and then the segments
 * of a spec path; letters compare without case everywhere (`/Transactions/MANUAL` is
 * createManualTransaction), parameter values keep theirs; one trailing `/` is ignored. Among the
 * spec paths that match, the most literal one having the method wins, so a literal path such as
 * `/customers/social-challenges` takes only the methods it has and `GET` of it is getCustomer.
 */
export function operationResolver(routes: SpecRoute[], basePaths: string[]): OperationResolver {
  const templates = new Map<string, Template>();
  for (const route of routes) {
    const template = templates.get(route.path) ?? { segments: segmentsOf(route.path), byMethod: new Map() };
    template.byMethod.set(route.method.toUpperCase(), route);
    templates.set(route.path, template);
  }
  const byLength = new Map<number, Template[]>();
  for (const template of [...templates.values()].sort(bySpecificity)) {
    byLength.set(template.segments.length, [...(byLength.get(template.segments.length) ?? []), template]);
  }
  const bases = basePaths.map((base) => fold(base).split('/').slice(1));

  return {
    resolve(method, path) {
      const all = path.split('/').slice(1);
      if (all.length > 1 && all.at(-1) === '') all.pop();
      const base = bases.find((segments) => segments.every((segment, i) => all[i] !== undefined && fold(all[i]) === segment));
      if (!base) return undefined;
      const parts = all.slice(base.length);
      const allowed = new Set<string>();
      for (const template of byLength.get(parts.length) ?? []) {
        const rawParams = match(template, parts);
        if (!rawParams) continue;
        const route = template.byMethod.get(method);
        if (route) return { found: 'operation', route, rawParams };
        for (const other of template.byMethod.keys()) allowed.add(other);
      }
      if (allowed.size === 0) return { found: 'nothing' };
      if (allowed.has('GET')) allowed.add('HEAD');
      return { found: 'path', allowed: ALLOW_ORDER.filter((m) => allowed.has(m)) };
    },
  };
}

/** The request's resolution, set by resolveOperation; undefined outside the API. */
export function resolutionOf(res: Response): Resolution | undefined {
  return res.locals.resolution as Resolution | undefined;
}

/** Resolves the request once, first of the API's steps; every later step reads resolutionOf(res). */
export function resolveOperation(resolver: OperationResolver): RequestHandler {
  return (req, res, next) => {
    res.locals.resolution = resolver.resolve(req.method, req.path);
    next();
  };
}
