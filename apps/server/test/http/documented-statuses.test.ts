import { expect, it } from 'vitest';
import { demo, describeOnStorages } from '../support/harness.js';
import { LIMITS } from '../../src/domain/shared/limits.js';
import { deref, exampleRequest, specOperations, type SpecOperation } from '../support/spec-operations.js';
import { call, expectError, type Answer } from './helpers.js';

/**
 * The refusals every operation can meet before it runs (keys, URL values, the body's type, size
 * and syntax), sent to every operation of the bundled spec: each answers with the status and
 * code the error table gives it, and the operation's `responses` document that status, so a
 * client generated from the spec knows every answer it can get.
 */

const keys = { apikey: demo.apiKey, secretkey: demo.secretKey };

interface Probe {
  name: string;
  status: number;
  code: number;
  send(operation: SpecOperation, url: (path: string) => string): Promise<Answer> | undefined;
}

const withQuery = (path: string, pair: string) => `${path}${path.includes('?') ? '&' : '?'}${pair}`;

const probes: Probe[] = [
  { name: 'no keys', status: 401, code: 1000, send: (op, url) => call(url(op.url), exampleRequest(op, {})) },
  {
    name: 'an unknown query parameter',
    status: 422,
    code: 3003,
    send: (op, url) => call(url(withQuery(op.url, 'unexpected=1')), exampleRequest(op, keys)),
  },
  {
    name: 'U+0000 in a path parameter',
    status: 422,
    code: 3003,
    send: (op, url) => {
      const param = op.parameters.find((p) => p.in === 'path');
      if (!param) return undefined;
      return call(url(op.url.replace(encodeURIComponent(String(param.example)), 'a%00b')), exampleRequest(op, keys));
    },
  },
  {
    name: 'a body that is not JSON',
    status: 415,
    code: 3013,
    send: (op, url) => (op.hasBody ? call(url(op.url), { ...exampleRequest(op, keys), headers: { ...keys, 'content-type': 'text/plain' }, body: 'points please' }) : undefined),
  },
  {
    name: 'a body that is broken JSON',
    status: 400,
    code: 3016,
    send: (op, url) => (op.hasBody ? call(url(op.url), { ...exampleRequest(op, keys), body: '{"customerId": ' }) : undefined),
  },
  {
    name: "a body over its operation's limit (1 MiB, 16 MiB for batches)",
    status: 413,
    code: 3011,
    send: (op, url) => {
      if (!op.hasBody) return undefined;
      const limit = op.tag === 'Batches' ? LIMITS.batchBodyBytes : LIMITS.bodyBytes;
      return call(url(op.url), { ...exampleRequest(op, keys), body: `{"pad":"${'a'.repeat(limit)}"}` });
    },
  },
];

describeOnStorages('statuses every operation can answer', (server) => {
  const url = (path: string) => `${server().baseUrl}${path}`;

  it('answers the refusals every operation can meet as the error table says, and the spec documents each for the operation', { timeout: 180_000 }, async () => {
    const problems: string[] = [];
    let sent = 0;
    for (const operation of specOperations()) {
      for (const probe of probes) {
        const answer = await probe.send(operation, url);
        if (!answer) continue;
        sent++;
        const where = `${operation.operationId} with ${probe.name}: ${answer.status} ${answer.text.slice(0, 160)}`;
        if (answer.status !== probe.status || answer.body?.code !== probe.code) problems.push(`expected ${probe.status}/${probe.code}: ${where}`);
        if (!operation.statuses.includes(String(answer.status))) problems.push(`undocumented ${answer.status}: ${where}`);
      }
    }
    expect(sent).toBeGreaterThan(150);
    expect(problems).toEqual([]);
  });

  it('refuses an empty query value with 422/3003, and the spec says so: no query parameter accepts ""', async () => {
    const problems: string[] = [];
    for (const operation of specOperations()) {
      for (const param of operation.parameters.filter((p) => p.in === 'query')) {
        const schema = deref<Record<string, unknown>>(param.schema ?? {});
        const refusesEmpty =
          (schema.type === 'string' && ((schema.minLength as number | undefined) ?? 0) >= 1) ||
          (Array.isArray(schema.enum) && !schema.enum.includes('')) ||
          ['integer', 'number', 'boolean'].includes(schema.type as string);
        if (!refusesEmpty) problems.push(`${operation.operationId} ${param.name}: the spec accepts an empty value`);
        const answer = await call(url(withQuery(operation.url.replace(new RegExp(`([?&])${param.name}=[^&]*&?`), '$1'), `${param.name}=`)), exampleRequest(operation, keys));
        if (answer.status !== 422 || answer.body?.code !== 3003) problems.push(`${operation.operationId} ${param.name}= answered ${answer.status} ${answer.text.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names the path as the client wrote it in a 415, not the router\'s syntax', async () => {
    const answer = await call(url('/customers/someone/tags'), { method: 'POST', headers: { ...keys, 'content-type': 'text/plain' }, body: 'vip' });
    expectError(answer, 415, 3013);
    expect(answer.body.message).toContain('/customers/someone/tags');
    expect(answer.body.message).toContain('text/plain');
    expect(answer.body.message).not.toMatch(/:customerId|\{customerId\}/);
  });
});
