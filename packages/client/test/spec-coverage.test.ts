import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createGameballClient, PAGINATED_PATHS } from '../src/index.js';

type Operation = { operationId: string; parameters?: Array<{ $ref?: string; name?: string; in?: string }>; responses: Record<string, unknown> };
const spec = parse(readFileSync(new URL('../../../spec/dist/gameball-v4.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation | unknown>>;
  components: { parameters: Record<string, { name: string; in: string }>; schemas: Record<string, { properties?: Record<string, unknown> }> };
};
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, operation]) => ({ path, method, operation: operation as Operation })),
);

describe('the client', () => {
  it('calls every operation of the spec with its method and path', async () => {
    const seen: string[] = [];
    const fetch = async (request: Request) => {
      seen.push(`${request.method} ${decodeURI(new URL(request.url).pathname)}`);
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const gb = createGameballClient({ baseUrl: 'http://gb.test/api', apiKey: 'k', fetch });
    const call = gb as unknown as Record<string, (path: string, init: object) => Promise<unknown>>;
    for (const { path, method, operation } of operations) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
      const pathParams = Object.fromEntries(names.map((name) => [name, `{${name}}`]));
      expect(call[method.toUpperCase()], `${method} ${path}`).toBeTypeOf('function');
      const body = 'requestBody' in operation ? { body: {} } : {};
      await call[method.toUpperCase()]!(path, { params: { path: pathParams }, ...body });
    }
    expect(operations.length).toBeGreaterThan(50);
    expect(seen).toEqual(operations.map(({ method, path }) => `${method.toUpperCase()} /api${path}`));
  });

  it('paginates exactly the list operations that take startAfter and answer hasMore', () => {
    const startAfterOf = (operation: Operation) =>
      (operation.parameters ?? []).some((parameter) => {
        const resolved = parameter.$ref ? spec.components.parameters[parameter.$ref.split('/').pop()!]! : parameter;
        return resolved.in === 'query' && resolved.name === 'startAfter';
      });
    const pageSchemaOf = (operation: Operation) => {
      const ok = operation.responses['200'] as { content?: { 'application/json'?: { schema?: { $ref?: string } } } } | undefined;
      const ref = ok?.content?.['application/json']?.schema?.$ref;
      return ref ? spec.components.schemas[ref.split('/').pop()!] : undefined;
    };
    const lists = operations
      .filter(({ method, operation }) => method === 'get' && startAfterOf(operation) && 'hasMore' in (pageSchemaOf(operation)?.properties ?? {}))
      .map(({ path }) => path);
    expect(lists).toHaveLength(5);
    expect([...PAGINATED_PATHS].sort()).toEqual(lists.sort());
  });
});
