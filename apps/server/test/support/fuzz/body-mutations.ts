import zlib from 'node:zlib';
import { deref } from '../spec-operations.js';
import { anyJunk, BAD_UTF8, BROKEN_BODIES, DATES, NUMBERS, SHAPES, STRINGS, nested, type Pick } from './junk.js';

/**
 * Bodies for a fuzzed request, made from an operation's example body and its schema: one field
 * changed (to junk chosen by the field's type, or any junk), removed, or joined by an unknown one;
 * or a whole body that is not what the operation reads. Raw JSON text throughout (see junk.ts).
 */

type Schema = { type?: string | string[]; format?: string; enum?: unknown[]; properties?: Record<string, unknown>; items?: unknown; required?: string[]; allOf?: unknown[]; oneOf?: unknown[]; anyOf?: unknown[] };
type Path = Array<string | number>;

export interface BodyMutation {
  note: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** The schema one step down (property or item), through $refs and compositions. */
function child(schema: Schema | undefined, key: string | number): Schema | undefined {
  if (!schema) return undefined;
  const s = deref<Schema>(schema);
  if (typeof key === 'number') return s.items ? deref<Schema>(s.items) : undefined;
  const direct = s.properties?.[key];
  if (direct) return deref<Schema>(direct);
  for (const part of [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])]) {
    const found = child(part as Schema, key);
    if (found) return found;
  }
  return undefined;
}

/** Junk aimed at a field of this schema: what its type almost accepts, or the wrong type. */
function junkFor(schema: Schema | undefined, pick: Pick): string {
  if (!schema) return anyJunk(pick);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (schema.enum) return pick([...schema.enum.map((v) => JSON.stringify(String(v).toUpperCase())), '"not-a-member"', '""', '0']);
  if (type === 'integer' || type === 'number') return pick([...NUMBERS, '"12"', '"1e3"', 'null', 'true']);
  if (type === 'string' && schema.format?.startsWith('date')) return pick(DATES);
  if (type === 'string') return pick([...STRINGS, ...NUMBERS.slice(0, 4)]);
  if (type === 'boolean') return pick(['"true"', '1', '0', 'null', '"yes"']);
  if (type === 'array') return pick([...SHAPES, '[' + anyJunk(pick) + ']']);
  return anyJunk(pick);
}

/** Every path to a value inside the body (the body itself excluded). */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...paths(item, [...prefix, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

/** The body as JSON text, with the value at `path` replaced by raw text (or removed, or joined by a key). */
function rewrite(body: unknown, path: Path, action: { raw: string } | { remove: true } | { add: string; raw: string }): string {
  const marker = '\u0001fuzz-marker\u0001';
  const copy = structuredClone(body) as Record<string | number, unknown>;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy);
  const last = path.at(-1)!;
  if ('remove' in action) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
    return JSON.stringify(copy);
  }
  if ('add' in action) {
    const target = (path.length === 0 ? copy : parent[last]) as Record<string, unknown>;
    // defineProperty, so that `__proto__` becomes a key of the JSON rather than a prototype.
    const own = (object: Record<string, unknown>) => Object.defineProperty(object, action.add, { value: marker, enumerable: true, configurable: true, writable: true });
    if (target && typeof target === 'object' && !Array.isArray(target)) own(target);
    else parent[last] = own({});
  } else {
    parent[last] = marker;
  }
  return JSON.stringify(copy).replace(JSON.stringify(marker), action.raw);
}

/** Bytes of `text` with `bytes` put in the first JSON string (or appended). */
function withBytes(text: string, bytes: number[]): Buffer {
  const at = text.indexOf('"') + 1;
  const buffer = Buffer.from(text);
  if (at <= 0) return Buffer.concat([buffer, Buffer.from(bytes)]);
  const split = Buffer.byteLength(text.slice(0, at));
  return Buffer.concat([buffer.subarray(0, split), Buffer.from(bytes), buffer.subarray(split)]);
}

export function fieldMutation(body: unknown, schema: unknown, pick: Pick, chance: () => number): BodyMutation {
  const all = paths(body);
  if (all.length === 0) return { note: 'whole body junk', body: anyJunk(pick) };
  const path = pick(all);
  const fieldSchema = path.reduce<Schema | undefined>((s, key) => child(s, key), schema as Schema);
  const raw = chance() < 0.6 ? junkFor(fieldSchema, pick) : anyJunk(pick);
  return { note: `${path.join('.')} = ${raw.slice(0, 60)}`, body: rewrite(body, path, { raw }) };
}

export function missingMutation(body: unknown, schema: unknown, pick: Pick): BodyMutation {
  const required = (deref<Schema>(schema ?? {}).required ?? []).filter((key) => body && typeof body === 'object' && key in body);
  const all = paths(body);
  const path = required.length > 0 && all.length > 0 ? pick([[pick(required)], pick(all)]) : all.length > 0 ? pick(all) : undefined;
  if (!path) return { note: 'empty object', body: '{}' };
  return { note: `without ${path.join('.')}`, body: rewrite(body, path, { remove: true }) };
}

export function extraMutation(body: unknown, pick: Pick): BodyMutation {
  const objects = [[], ...paths(body)].filter((p) => {
    const value = p.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], body);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  });
  if (objects.length === 0) return { note: 'whole body junk', body: anyJunk(pick) };
  const path = pick(objects);
  const key = pick(['unexpectedField', 'customerid', '__proto__', 'constructor', '', ' ', 'k'.repeat(300), '\u00e9t\u00e9', 'a.b', '$where']);
  const raw = anyJunk(pick);
  return { note: `extra ${path.join('.')}."${key.slice(0, 20)}"`, body: rewrite(body, path, { add: key, raw }) };
}

/** A body that is not the JSON an operation reads: broken, not UTF-8, too deep, too big, or a bare value. */
export function wholeBodyMutation(body: unknown, pick: Pick): BodyMutation {
  const text = JSON.stringify(body ?? {});
  const kind = pick(['broken', 'bytes', 'deep', 'bare', 'big', 'escape'] as const);
  switch (kind) {
    case 'broken':
      return { note: 'broken JSON', body: pick(BROKEN_BODIES) };
    case 'bytes': {
      const bytes = pick(BAD_UTF8);
      return { note: `invalid UTF-8 ${bytes.map((b) => b.toString(16)).join(' ')}`, body: withBytes(text, bytes) };
    }
    case 'deep': {
      const depth = pick([32, 33, 64, 10_000]);
      return { note: `nested ${depth} deep`, body: depth > 1000 ? nested(depth, pick) : text.replace(/^\{/, `{"deep":${nested(depth - 1, pick)},`) };
    }
    case 'bare':
      return { note: 'bare value', body: pick([...SHAPES, ...NUMBERS.slice(0, 6), ...STRINGS.slice(0, 6)]) };
    case 'big':
      return { note: 'body over 1 MiB', body: text.replace(/^\{/, `{"pad":"${'p'.repeat(1024 * 1024)}",`) };
    case 'escape':
      return { note: 'a lone surrogate escape in a string', body: text.replace(/"((?:[^"\\]|\\.)*)"(?=\s*[,}\]])/, `"$1${pick(['\\ud800', '\\udfff', '\\u0000'])}"`) };
  }
}

/** The same body compressed (or said to be), with a coding the server knows, one it does not, or corrupt bytes. */
export function encodingMutation(text: string, pick: Pick): BodyMutation {
  const kind = pick(['gzip', 'deflate', 'br', 'gzip, gzip', 'unknown', 'corrupt', 'truncated', 'lying'] as const);
  const input = Buffer.from(text);
  switch (kind) {
    case 'gzip':
      return { note: 'gzip', body: zlib.gzipSync(input), headers: { 'content-encoding': 'gzip' } };
    case 'deflate':
      return { note: 'deflate', body: zlib.deflateSync(input), headers: { 'content-encoding': 'deflate' } };
    case 'br':
      return { note: 'br', body: zlib.brotliCompressSync(input), headers: { 'content-encoding': 'br' } };
    case 'gzip, gzip':
      return { note: 'gzip twice', body: zlib.gzipSync(zlib.gzipSync(input)), headers: { 'content-encoding': 'gzip, gzip' } };
    case 'unknown':
      return { note: 'unknown coding', body: input, headers: { 'content-encoding': pick(['snappy', 'compress', 'x-junk', 'gzip;q=1', '*']) } };
    case 'corrupt':
      return { note: 'corrupt compressed bytes', body: input, headers: { 'content-encoding': pick(['gzip', 'deflate', 'br']) } };
    case 'truncated': {
      const whole = zlib.gzipSync(input);
      return { note: 'truncated gzip', body: whole.subarray(0, Math.max(1, whole.length - 5)), headers: { 'content-encoding': 'gzip' } };
    }
    case 'lying':
      return { note: 'deflate bytes said to be gzip', body: zlib.deflateSync(input), headers: { 'content-encoding': 'gzip' } };
  }
}
