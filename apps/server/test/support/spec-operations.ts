import { readFileSync } from 'node:fs';
import { specPath } from '@gameball-open/spec';
import { parse } from 'yaml';

/**
 * The operations of the bundled spec, read here without the server's own code, so that tests
 * generated from them (auth, statuses, methods) cover an operation as soon as the spec has it.
 */

type Schema = Record<string, unknown>;

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  example?: unknown;
  schema?: Schema;
}

export interface SpecOperation {
  method: string;
  /** The path template below the base path, e.g. `/customers/{customerId}`. */
  path: string;
  operationId: string;
  /** Its one tag (one handler file and one use-case folder per tag). */
  tag: string;
  /** Every alternative of the operation's `security` (or the root's) names the secret key. */
  needsSecret: boolean;
  parameters: SpecParameter[];
  /** The operation has a request body. */
  hasBody: boolean;
  /** Its first request body example, if any. */
  body?: unknown;
  /** The statuses the spec documents for it. */
  statuses: string[];
  /** The path filled from its parameters' examples, with its required query parameters. */
  url: string;
}

interface Operation {
  operationId: string;
  tags: string[];
  security?: Array<Record<string, string[]>>;
  parameters?: unknown[];
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }>; example?: unknown }> };
  responses: Record<string, unknown>;
}

export const spec = parse(readFileSync(specPath, 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
  security?: Array<Record<string, string[]>>;
  components: Record<string, Record<string, unknown>>;
};

/** Follows local `$ref`s (`#/components/...`) until a value that is not one. */
export function deref<T>(value: unknown): T {
  let out = value as { $ref?: string };
  while (out && typeof out.$ref === 'string') {
    out = out.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], spec) as { $ref?: string };
  }
  return out as T;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export function specOperations(): SpecOperation[] {
  const list: SpecOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const parameters = [...((item.parameters as unknown[]) ?? []), ...(operation.parameters ?? [])].map((p) => deref<SpecParameter>(p));
      const security = operation.security ?? spec.security ?? [];
      const content = operation.requestBody?.content['application/json'];
      const body = content?.examples ? Object.values(content.examples)[0]?.value : content?.example;
      let url = path;
      for (const p of parameters.filter((p) => p.in === 'path')) url = url.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
      const query = parameters.filter((p) => p.in === 'query' && p.required);
      if (query.length > 0) url += `?${query.map((p) => `${p.name}=${encodeURIComponent(String(p.example))}`).join('&')}`;
      list.push({
        method,
        path,
        operationId: operation.operationId,
        tag: operation.tags[0]!,
        needsSecret: security.length > 0 && security.every((alternative) => 'secretKey' in alternative),
        parameters,
        hasBody: operation.requestBody !== undefined,
        ...(body === undefined ? {} : { body }),
        statuses: Object.keys(operation.responses),
        url,
      });
    }
  }
  return list;
}

/** The request init for an operation: its method, the given headers and its example body. */
export function exampleRequest(operation: SpecOperation, headers: Record<string, string>): RequestInit {
  const method = operation.method.toUpperCase();
  if (!operation.hasBody) return { method, headers };
  return { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(operation.body ?? {}) };
}
