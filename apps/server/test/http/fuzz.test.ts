import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remember, type Harvest } from '../support/fuzz/harvest.js';
import { describeRequest, fuzzPlan, fuzzRequest, type FuzzRequest } from '../support/fuzz/requests.js';
import { freshStorage, startServer, storages, type StorageLocation, type TestServer } from '../support/harness.js';
import { deref, spec, specOperations } from '../support/spec-operations.js';
import { writeWatch, type WriteWatch } from '../support/write-watch.js';

/**
 * A spec-driven fuzz run: at least 10,000 requests (SQLite; a sixth of that on PostgreSQL) made
 * from every operation of the bundled spec, each changed in one way (see support/fuzz/). Every
 * answer: no 5xx; a status the operation documents (431 only for a head over 16 KB); errors in
 * the Gameball error model; a 401 where the keys cannot open the operation; and nothing
 * written by a refused request or a read (the storage is watched around every request).
 * FUZZ_SEED and FUZZ_REQUESTS replay or widen a run; a failure prints its seed and the first 40
 * failing requests (each with its number in the run); FUZZ_REPORT=<file> writes all of them to
 * <file>.sqlite / <file>.postgres with the count of each status.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_205);
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const MAX_HEAD_BYTES = 16 * 1024;

const errorSchema = deref<{ required: string[]; properties: Record<string, { enum?: string[] }> }>(spec.components.schemas!.Error);

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

async function send(origin: string, request: FuzzRequest): Promise<Answer> {
  const response = await fetch(`${origin}${request.url}`, {
    method: request.method,
    headers: request.headers,
    redirect: 'manual',
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/**
 * Clears the faults a fuzzed setFaultInjection set, with the keys that set it: a fault makes the
 * requests after it fail or wait on purpose (injected 5xx, added latency), which is not what
 * this test looks for.
 */
async function clearFaults(origin: string, headers: Record<string, string>): Promise<void> {
  const keys = Object.fromEntries(Object.entries(headers).filter(([name]) => ['apikey', 'secretkey'].includes(name.toLowerCase())));
  const response = await fetch(`${origin}/api/v4/integrations/_reference/faults`, { method: 'DELETE', headers: keys });
  await response.arrayBuffer();
}

/** What is wrong with an error answer, if anything: the Gameball model, exactly. */
function errorModelProblem(answer: Answer): string | undefined {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(answer.text) as Record<string, unknown>;
  } catch {
    return 'the error body is not JSON';
  }
  if (!/^application\/json/.test(answer.headers.get('content-type') ?? '')) return 'the error is not application/json';
  const missing = errorSchema.required.filter((key) => !(key in body));
  if (missing.length > 0) return `the error lacks ${missing.join(', ')}`;
  const extra = Object.keys(body).filter((key) => !(key in errorSchema.properties));
  if (extra.length > 0) return `the error has fields outside the model: ${extra.join(', ')}`;
  if (!Number.isInteger(body.code)) return 'the error code is not an integer';
  if (!errorSchema.properties.type!.enum!.includes(body.type as string)) return `the error type ${String(body.type)} is not in the model`;
  if (typeof body.message !== 'string' || body.message === '') return 'the error has no message';
  if (body.requestId !== answer.headers.get('x-request-id')) return 'the requestId is not the x-request-id header';
  return undefined;
}

function headBytes(request: FuzzRequest): number {
  return request.url.length + Object.entries(request.headers).reduce((sum, [k, v]) => sum + k.length + v.length + 4, 0);
}

describe('the fuzz requests', () => {
  it('are the same for the same seed, and change every operation in every way', () => {
    const operations = specOperations();
    const requests = fuzzPlan(operations, 40, SEED).map(({ operation, n }) => fuzzRequest(operation, n, SEED));
    expect(fuzzPlan(operations, 40, SEED).map(({ operation, n }) => describeRequest(fuzzRequest(operation, n, SEED)))).toEqual(requests.map(describeRequest));
    expect(new Set(requests.map((r) => r.operation.operationId)).size).toBe(operations.length);
    expect(new Set(requests.map((r) => r.kind))).toEqual(new Set(['example', 'url', 'keys', 'headers', 'field', 'missing', 'extra', 'whole', 'encoding', 'type']));
    const bodies = requests.map((r) => (r.body === undefined ? '' : r.body.toString('latin1')));
    for (const text of ['\\ud800', '1e309', '9223372036854775808', '2024-02-30', '"__proto__"']) expect(bodies.some((b) => b.includes(text)), text).toBe(true);
    expect(requests.some((r) => r.headers['content-encoding'] === 'gzip')).toBe(true);
    expect(requests.some((r) => headBytes(r) > MAX_HEAD_BYTES)).toBe(true);
    expect(requests.some((r) => /\/API\/|\/Customers\b|\/TRANSACTIONS/i.test(r.url) && r.url !== r.url.toLowerCase())).toBe(true);
    expect(requests.some((r) => r.mustRefuse && r.headers.apikey === undefined)).toBe(true);
  });
});

describe.each(storages)('fuzzing every operation of the spec on %s', (kind) => {
  let location: StorageLocation | undefined;
  let server: TestServer | undefined;
  let watch: WriteWatch | undefined;
  beforeAll(async () => {
    location = await freshStorage(kind);
    // No background jobs: every write to the storage comes from the request just sent.
    server = await startServer(location, { sweepEveryMs: null });
    watch = writeWatch(location, server.store);
  });
  afterAll(async () => {
    watch?.close();
    await server?.close();
    await location?.drop();
  });

  const total = kind === 'sqlite' ? TOTAL : Math.ceil(TOTAL / 6);

  it(`answers ${total} fuzzed requests (seed ${SEED}) without a 5xx, undocumented status, foreign error body or refused write`, async () => {
    const operations = specOperations();
    const harvest: Harvest = new Map();
    const anyOperations = [...new Set(operations.flatMap((o) => o.statuses)), '404', '405'];
    const plan = fuzzPlan(operations, Math.ceil(total / operations.length), SEED);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const reached = new Set<string>();
    let mark = await watch!.mark();
    const started = Date.now();
    let watching = 0;
    for (const { operation, n } of plan) {
      const request = fuzzRequest(operation, n, SEED, harvest);
      const answer = await send(server!.origin, request);
      const before = Date.now();
      const now = await watch!.mark();
      watching += Date.now() - before;
      const wrote = now !== mark;
      mark = now;
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status < 300) {
        reached.add(request.operation.operationId);
        remember(harvest, request.body, answer.text);
        if (request.operation.operationId === 'setFaultInjection') await clearFaults(server!.origin, request.headers);
      }
      // A URL that may have left its operation (dot segments, extra slashes) can meet another one's answers, or the router's 404/405.
      const documented = [...(request.leaves ? anyOperations : request.operation.statuses), ...(headBytes(request) > MAX_HEAD_BYTES ? ['431'] : [])];
      const found: string[] = [];
      if (answer.status >= 500) found.push('a 5xx');
      if (!documented.includes(String(answer.status))) found.push(`${answer.status} is not documented for ${request.operation.operationId}`);
      if (request.mustRefuse && answer.status !== 401) found.push('the keys cannot open the operation, yet no 401');
      if (answer.status >= 400) {
        const problem = errorModelProblem(answer);
        if (problem) found.push(problem);
        if (wrote) found.push('a refused request wrote to the storage');
      } else if (wrote && request.method === 'GET') {
        found.push('a read wrote to the storage');
      }
      if (found.length > 0) problems.push(`${found.join('; ')}: ${answer.status} ${answer.text.slice(0, 200)}\n    ${describeRequest(request)}`);
    }
    const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(', ');
    console.info(`fuzz on ${kind}, seed ${SEED}: ${plan.length} requests; statuses ${summary}; ${reached.size}/${operations.length} operations answered 2xx at least once (not: ${operations.filter((o) => !reached.has(o.operationId)).map((o) => o.operationId).join(', ')}); ${Date.now() - started} ms, ${watching} ms of them watching the storage`);
    if (process.env.FUZZ_REPORT) writeFileSync(`${process.env.FUZZ_REPORT}.${kind}`, `${summary}\n${problems.join('\n')}\n`);
    expect(plan.length).toBeGreaterThanOrEqual(total);
    expect(problems.length, `seed ${SEED} (FUZZ_SEED=${SEED} replays it):\n${problems.slice(0, 40).join('\n')}`).toBe(0);
  }, 900_000);
});
