import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { OperationId } from '@gameball-open/server-types';
import { LIMITS } from '../domain/shared/limits.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type Method = (typeof METHODS)[number];

/** One operation of the spec, as the resolver, the auth check and the handler call need it. */
export interface SpecRoute {
  method: Method;
  /** The OpenAPI path template, e.g. `/customers/{customerId}`. */
  path: string;
  operationId: OperationId;
  /** True when every security alternative of the operation includes the secret key. */
  needsSecret: boolean;
  /** The operation's success status: its lowest documented 2xx (200 when none is). */
  status: number;
  /** The largest body the operation reads (413/3011 beyond it): bodyLimitOf its tag. */
  maxBodyBytes: number;
  /** One of this server's reference tools (tag `Reference server`), not a Gameball operation. */
  referenceTool: boolean;
}

/** The tag of this server's own operations (test clock, reset, faults, ...). */
export const REFERENCE_TAG = 'Reference server';

/** The body limit of an operation by its tag: batches carry up to 1,000 items, everything else 1 MiB. */
export function bodyLimitOf(tag: string | undefined): number {
  return tag === 'Batches' ? LIMITS.batchBodyBytes : LIMITS.bodyBytes;
}

export interface SpecDocument {
  servers?: Array<{ url: string }>;
  security?: Array<Record<string, string[]>>;
  paths: Record<string, Record<string, unknown>>;
}

export function readSpec(path: string): SpecDocument {
  return parse(readFileSync(path, 'utf8')) as SpecDocument;
}

/** Lists the spec's operations; the resolver (operation-resolver.ts) is built from them. */
export function specRoutes(spec: SpecDocument): SpecRoute[] {
  const routes: SpecRoute[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as
        | { operationId: OperationId; tags?: string[]; security?: Array<Record<string, string[]>>; responses?: Record<string, unknown> }
        | undefined;
      if (!operation) continue;
      const security = operation.security ?? spec.security ?? [];
      routes.push({
        method,
        path,
        operationId: operation.operationId,
        needsSecret: security.length > 0 && security.every((alt) => 'secretKey' in alt),
        status: successStatus(operation.responses ?? {}),
        maxBodyBytes: bodyLimitOf(operation.tags?.[0]),
        referenceTool: operation.tags?.[0] === REFERENCE_TAG,
      });
    }
  }
  return routes;
}

function successStatus(responses: Record<string, unknown>): number {
  const codes = Object.keys(responses).map(Number).filter((code) => code >= 200 && code < 300);
  return codes.length === 0 ? 200 : Math.min(...codes);
}
