import { demo, demoHsm, secure } from '../harness.js';
import { seededRandom } from '../random.js';
import { spec, deref, type SpecOperation } from '../spec-operations.js';
import { encodingMutation, extraMutation, fieldMutation, missingMutation, wholeBodyMutation } from './body-mutations.js';
import { recall, withHarvested, type Harvest } from './harvest.js';
import type { Pick } from './junk.js';
import { exampleUrl, urlMutation } from './url-mutations.js';

/**
 * The requests of a fuzz run: for every operation of the bundled spec, its example request
 * changed in one way (body, encoding, content type, URL, keys or headers), in an order shuffled
 * by the run's seed; request `n` is made from the seed and `n` alone, so the same seed gives the
 * same requests, and one request can be made again by itself.
 */

export interface FuzzRequest {
  operation: SpecOperation;
  /** Its number in the run: with the seed, it makes the same request again. */
  n: number;
  kind: string;
  note: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** The keys cannot open this operation: the answer must be 401. */
  mustRefuse: boolean;
  /** The URL may lead to no operation: a 404 or 405 from the router is fine. */
  leaves: boolean;
}

interface KeySet {
  name: string;
  headers: Record<string, string>;
  /** What the keys open: nothing, operations that need the apikey only, or everything. */
  opens: 'nothing' | 'public' | 'all';
}

const KEY_SETS: readonly KeySet[] = [
  { name: 'no keys', headers: {}, opens: 'nothing' },
  { name: 'a wrong apikey', headers: { apikey: 'wrong_apikey', secretkey: demo.secretKey }, opens: 'nothing' },
  { name: 'an empty apikey', headers: { apikey: '', secretkey: demo.secretKey }, opens: 'nothing' },
  { name: 'a latin-1 apikey', headers: { apikey: 'd\u00e9mo', secretkey: demo.secretKey }, opens: 'nothing' },
  { name: 'the apikey only', headers: { apikey: demo.apiKey }, opens: 'public' },
  { name: 'the apikey and a wrong secret', headers: { apikey: demo.apiKey, secretkey: 'wrong_secret' }, opens: 'public' },
  { name: "the apikey and the other account's secret", headers: { apikey: demo.apiKey, secretkey: secure.secretKey }, opens: 'public' },
  { name: "the other account's apikey with this secret", headers: { apikey: secure.apiKey, secretkey: demo.secretKey }, opens: 'public' },
  { name: "the other account's keys", headers: { apikey: secure.apiKey, secretkey: secure.secretKey }, opens: 'all' },
  { name: 'high security: the apikey only', headers: { apikey: demoHsm.apiKey }, opens: 'nothing' },
  { name: 'both keys', headers: { apikey: demo.apiKey, secretkey: demo.secretKey }, opens: 'all' },
];
const BOTH_KEYS = KEY_SETS.at(-1)!;

/** Body fields that name something new (the others, such as `holdReference`, name something that exists). */
const ID_KEYS = /^(transactionId|orderId|paymentId|refundTransactionId|cartId)$/;

/** The example body with fresh transaction and order IDs, so that most requests reach the operation's rules. */
function freshIds(value: unknown, n: number): unknown {
  if (Array.isArray(value)) return value.map((item) => freshIds(item, n));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ID_KEYS.test(k) && typeof v === 'string' ? `${v}-f${n}` : freshIds(v, n)]));
}

function requestSchema(operation: SpecOperation): unknown {
  const item = spec.paths[operation.path]![operation.method] as { requestBody?: { content: Record<string, { schema?: unknown }> } };
  return deref(item.requestBody?.content['application/json']?.schema ?? {});
}

const CONTENT_TYPES = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/merge-patch+json', 'APPLICATION/JSON', 'application/json;;', 'json', '*/*', ''];

const HEADER_JUNK: ReadonlyArray<[string, string]> = [
  ['x-pad', 'h'.repeat(17 * 1024)],
  ['x-pad', 'h'.repeat(8 * 1024)],
  ['lang', 'x'.repeat(300)],
  ['lang', '\u00ff\u00fe'],
  ['x-request-id', 'r'.repeat(5000)],
  ['x-request-id', '\u00e9\u00e8'],
  ['accept', 'text/html'],
  ['accept-encoding', 'gzip;q=bogus'],
  ['if-none-match', '*'],
  ['x-gb-signature', 'junk'],
];

function one(operation: SpecOperation, n: number, random: () => number, harvest?: Harvest): FuzzRequest {
  const pick: Pick = (list) => list[Math.floor(random() * list.length)]!;
  const body = freshIds(withHarvested(operation.body ?? {}, harvest, pick, random), n);
  const pathValues = Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, random() < 0.5 ? recall(harvest, p.name, pick) : undefined]));
  const schema = operation.hasBody ? requestSchema(operation) : undefined;
  const kinds = ['example', 'url', 'url', 'keys', 'keys', 'headers', ...(operation.hasBody ? ['field', 'field', 'field', 'field', 'missing', 'extra', 'whole', 'whole', 'encoding', 'type'] : ['url', 'url'])];
  const kind = pick(kinds);
  let keys = BOTH_KEYS;
  let url = exampleUrl(operation, random, undefined, pathValues);
  let note = 'the example';
  let leaves = false;
  const headers: Record<string, string> = {};
  let sent: string | Buffer | undefined = operation.hasBody ? JSON.stringify(body) : undefined;
  const take = (m: { note: string; body: string | Buffer; headers?: Record<string, string> }) => {
    note = m.note;
    sent = m.body;
    Object.assign(headers, m.headers);
  };
  switch (kind) {
    case 'url':
      ({ note, url, leaves = false } = urlMutation(operation, pick, random, pathValues));
      break;
    case 'keys':
      keys = pick(KEY_SETS);
      note = keys.name;
      if (operation.hasBody && random() < 0.5) take(fieldMutation(body, schema, pick, random));
      break;
    case 'headers': {
      const [name, value] = pick(HEADER_JUNK);
      headers[name] = value;
      note = `header ${name}: ${value.length} characters`;
      break;
    }
    case 'field':
      take(fieldMutation(body, schema, pick, random));
      break;
    case 'missing':
      take(missingMutation(body, schema, pick));
      break;
    case 'extra':
      take(extraMutation(body, pick));
      break;
    case 'whole':
      take(wholeBodyMutation(body, pick));
      break;
    case 'encoding':
      take(encodingMutation(random() < 0.5 ? JSON.stringify(body) : String(fieldMutation(body, schema, pick, random).body), pick));
      break;
    case 'type': {
      const type = pick(CONTENT_TYPES);
      headers['content-type'] = type;
      note = `content-type "${type}"`;
      break;
    }
  }
  if (sent !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  if (headers['content-type'] === '') delete headers['content-type'];
  const needs = operation.needsSecret ? 'all' : 'public';
  const mustRefuse = keys.opens === 'nothing' || (keys.opens === 'public' && needs === 'all');
  return { operation, n, kind, note, method: operation.method.toUpperCase(), url, headers: { ...keys.headers, ...headers }, ...(sent === undefined ? {} : { body: sent }), mustRefuse, leaves };
}

/** A well-spread 32-bit seed for request `n` of a run (murmur3's finaliser). */
function requestSeed(seed: number, n: number): number {
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Request `n` of the run with this seed: made on its own, so a run never holds every body at once.
 * With a harvest, some IDs are ones the server handed out earlier in the run (see harvest.ts).
 */
export function fuzzRequest(operation: SpecOperation, n: number, seed: number, harvest?: Harvest): FuzzRequest {
  return one(operation, n, seededRandom(requestSeed(seed, n)), harvest);
}

/** The order of a run: `perOperation` requests for each operation, shuffled; `n` numbers each one. */
export function fuzzPlan(operations: SpecOperation[], perOperation: number, seed: number): Array<{ n: number; operation: SpecOperation }> {
  const random = seededRandom(seed);
  const plan = operations.flatMap((operation, i) => Array.from({ length: perOperation }, (_, j) => ({ n: i * perOperation + j, operation })));
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  }
  return plan;
}

/** The request as a line to paste into a bug report. */
export function describeRequest(request: FuzzRequest): string {
  const body = request.body === undefined ? '' : Buffer.isBuffer(request.body) ? ` body(bytes, base64)=${request.body.toString('base64').slice(0, 300)}` : ` body=${request.body.slice(0, 300)}`;
  const headers = Object.entries(request.headers).map(([k, v]) => `${k}: ${v.length > 40 ? `${v.slice(0, 20)}...(${v.length})` : v}`).join('; ');
  return `#${request.n} ${request.operation.operationId} [${request.kind}: ${request.note}] ${request.method} ${request.url.slice(0, 200)} {${headers}}${body}`;
}
