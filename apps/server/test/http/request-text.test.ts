import { expect, it } from 'vitest';
import { demo, describeOnStorages } from '../support/harness.js';
import { deref, exampleRequest, specOperations, spec } from '../support/spec-operations.js';
import { call } from './helpers.js';

/**
 * The server refuses U+0000 in every text of a request (path and query values, JSON strings and
 * keys): PostgreSQL text cannot hold it. The spec says the same, so that a client or a fuzzer
 * working from the spec never sends what the server refuses: every string a request may carry
 * has a pattern (or an enum or format) that excludes U+0000, and so do the keys of free maps.
 */

type Schema = Record<string, unknown> | boolean;

const NUL = 'a\u0000b';
const FORMATS_WITHOUT_NUL = new Set(['date-time', 'date']);

function excludesNul(schema: Record<string, unknown>): boolean {
  if (Array.isArray(schema.enum)) return schema.enum.every((value) => typeof value !== 'string' || !value.includes('\u0000'));
  if (typeof schema.format === 'string' && FORMATS_WITHOUT_NUL.has(schema.format)) return true;
  return typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(NUL);
}

const allowsStrings = (type: unknown) => type === 'string' || (Array.isArray(type) && type.includes('string'));

/** Where a request schema lets U+0000 through: its strings, free values and the keys of its maps. */
function leaks(root: Schema, where: string): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const walk = (value: Schema, at: string) => {
    if (value === false) return;
    if (value === true) return void found.push(`${at}: any value`);
    const schema = deref<Record<string, unknown>>(value);
    if (seen.has(schema)) return; // a recursive schema is checked once
    seen.add(schema);
    if (schema.type === undefined && schema.enum === undefined && !['allOf', 'oneOf', 'anyOf', 'properties'].some((k) => k in schema)) {
      found.push(`${at}: any value`);
      return;
    }
    if (allowsStrings(schema.type) && !excludesNul(schema)) found.push(`${at}: a string`);
    for (const [name, child] of Object.entries((schema.properties as Record<string, Schema>) ?? {})) walk(child, `${at}.${name}`);
    if (schema.items !== undefined) walk(schema.items as Schema, `${at}[]`);
    for (const keyword of ['allOf', 'oneOf', 'anyOf']) for (const [i, child] of ((schema[keyword] as Schema[]) ?? []).entries()) walk(child, `${at}/${keyword}${i}`);
    if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
      const names = schema.propertyNames as Record<string, unknown> | undefined;
      if (!names || !excludesNul(names)) found.push(`${at}: a key`);
      walk(schema.additionalProperties as Schema, `${at}{}`);
    }
  };
  walk(root, where);
  return found;
}

it('no string a request may carry is one the spec lets contain U+0000', () => {
  const problems = new Set<string>();
  for (const operation of specOperations()) {
    for (const param of operation.parameters) for (const leak of leaks(param.schema ?? true, `${param.in} ${param.name}`)) problems.add(leak);
    const item = spec.paths[operation.path]![operation.method] as { requestBody?: unknown };
    const body = deref<{ content?: Record<string, { schema: Schema }> }>(item.requestBody ?? {});
    for (const [type, media] of Object.entries(body.content ?? {})) for (const leak of leaks(media.schema, `${operation.operationId} ${type} body`)) problems.add(leak);
  }
  expect([...problems]).toEqual([]);
});

/** The example body with U+0000 put into its first string, if it has one. */
function withNul(value: unknown): { body: unknown; changed: boolean } {
  if (typeof value === 'string') return { body: `${value}\u0000`, changed: true };
  if (Array.isArray(value) || (typeof value === 'object' && value !== null)) {
    const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as never) : { ...value };
    for (const [key, child] of Object.entries(copy)) {
      const inner = withNul(child);
      if (inner.changed) return { body: Object.assign(copy, { [key]: inner.body }), changed: true };
    }
  }
  return { body: value, changed: false };
}

describeOnStorages('U+0000 in request bodies', (server) => {
  it('is refused with 400/3016 on every operation with a body, before anything is written', async () => {
    const problems: string[] = [];
    let sent = 0;
    for (const operation of specOperations().filter((op) => op.hasBody)) {
      const { body, changed } = withNul(operation.body ?? {});
      if (!changed) continue;
      sent++;
      const init = exampleRequest({ ...operation, body }, { apikey: demo.apiKey, secretkey: demo.secretKey });
      const answer = await call(`${server().baseUrl}${operation.url}`, init);
      if (answer.status !== 400 || answer.body?.code !== 3016) problems.push(`${operation.operationId}: ${answer.status} ${answer.text.slice(0, 120)}`);
    }
    expect(sent).toBeGreaterThan(15);
    expect(problems).toEqual([]);
  });
});
