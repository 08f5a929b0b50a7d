import { expect, it } from 'vitest';
import { demo, demoHsm, describeOnStorages, secure } from '../support/harness.js';
import { exampleRequest, specOperations, type SpecOperation } from '../support/spec-operations.js';
import { call, type Answer } from './helpers.js';

/**
 * Every operation of the bundled spec, with every set of keys, on its path as written and with
 * the case of its letters changed: nothing answers without the keys the spec's `security` asks
 * for (an account in high security mode asks for both everywhere), and a refusal is 401 with
 * 1000 (no or unknown apikey) or 1001 (secret key missing or wrong), before anything else.
 */

const BASE = '/api/v4/integrations';

interface KeySet {
  name: string;
  headers: Record<string, string>;
  /** What the key set proves to the server: nothing, the account, or the account and its secret. */
  proves: 'nothing' | 'account' | 'secret';
}

const demoKeySets: KeySet[] = [
  { name: 'no keys', headers: {}, proves: 'nothing' },
  { name: 'an unknown apikey', headers: { apikey: 'no-such-apikey' }, proves: 'nothing' },
  { name: 'an unknown apikey with the right secret key', headers: { apikey: 'no-such-apikey', secretkey: demo.secretKey }, proves: 'nothing' },
  { name: 'the apikey only', headers: { apikey: demo.apiKey }, proves: 'account' },
  { name: 'the apikey and a wrong secret key', headers: { apikey: demo.apiKey, secretkey: 'wrong-secret' }, proves: 'account' },
  { name: "the apikey and the other account's secret key", headers: { apikey: demo.apiKey, secretkey: secure.secretKey }, proves: 'account' },
  { name: "the other account's apikey and this one's secret key", headers: { apikey: secure.apiKey, secretkey: demo.secretKey }, proves: 'account' },
  { name: 'both keys', headers: { apikey: demo.apiKey, secretkey: demo.secretKey }, proves: 'secret' },
];

/** High security mode: the apikey alone opens nothing. */
const hsmKeySets: KeySet[] = [
  { name: 'high security: the apikey only', headers: { apikey: demoHsm.apiKey }, proves: 'account' },
  { name: 'high security: the apikey and a wrong secret key', headers: { apikey: demoHsm.apiKey, secretkey: 'wrong-secret' }, proves: 'account' },
  { name: "high security: the apikey and another account's secret key", headers: { apikey: demoHsm.apiKey, secretkey: demo.secretKey }, proves: 'account' },
  { name: 'high security: both keys', headers: { apikey: demoHsm.apiKey, secretkey: demoHsm.secretKey }, proves: 'secret' },
];

const swapCase = (text: string) => [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

/** The operation's URL as written, with its last literal segment's case swapped, and with every literal segment's (the base path's too). */
function pathVariants(operation: SpecOperation): Array<{ name: string; url: string }> {
  const [path = '', query] = operation.url.split('?');
  const template = operation.path.split('/');
  const segments = path.split('/');
  const literal = template.map((segment, i) => (segment !== '' && !segment.startsWith('{') ? i : -1)).filter((i) => i >= 0);
  const last = literal.at(-1)!;
  const join = (parts: string[], base: string) => `${base}${parts.join('/')}${query === undefined ? '' : `?${query}`}`;
  return [
    { name: 'as written', url: join(segments, BASE) },
    { name: 'last literal segment case-swapped', url: join(segments.map((s, i) => (i === last ? swapCase(s) : s)), BASE) },
    { name: 'every literal segment case-swapped', url: join(segments.map((s, i) => (literal.includes(i) ? swapCase(s) : s)), swapCase(BASE)) },
  ];
}

/** The code a refusal must carry, or undefined when the keys suffice for the operation. */
function expectedRefusal(operation: SpecOperation, keys: KeySet, highSecurity: boolean): 1000 | 1001 | undefined {
  if (keys.proves === 'nothing') return 1000;
  if (keys.proves === 'account' && (operation.needsSecret || highSecurity)) return 1001;
  return undefined;
}

/** The router found no operation for the request (405, or the 404 for an unknown path). */
function unrouted(answer: Answer): boolean {
  return answer.status === 405 || (answer.status === 404 && answer.body?.code === 4004 && /^No operation answers/.test(answer.body?.message));
}

describeOnStorages('the keys every operation needs', (server) => {
  it('nothing answers without the keys the spec asks for, whatever the case of the path', async () => {
    const operations = specOperations();
    expect(operations.length).toBeGreaterThanOrEqual(59);
    const problems: string[] = [];
    let checked = 0;
    const runs = [...demoKeySets.map((keys) => ({ keys, highSecurity: false })), ...hsmKeySets.map((keys) => ({ keys, highSecurity: true }))];
    for (const operation of operations) {
      for (const variant of pathVariants(operation)) {
        const methods = operation.method === 'get' ? ['GET', 'HEAD'] : [operation.method.toUpperCase()];
        const cases = runs.flatMap((run) => methods.map((method) => ({ ...run, method, refusal: expectedRefusal(operation, run.keys, run.highSecurity) })));
        const send = async ({ keys, method, refusal }: (typeof cases)[number]) => {
          const answer = await call(`${server().origin}${variant.url}`, { ...exampleRequest(operation, keys.headers), method });
          checked++;
          const where = `${operation.operationId} ${method} ${variant.url} (${variant.name}) with ${keys.name}: ${answer.status} ${answer.text.slice(0, 160)}`;
          if (refusal !== undefined) {
            // HEAD answers carry no body: the status says it.
            if (answer.status !== 401 || (method !== 'HEAD' && answer.body?.code !== refusal)) problems.push(`expected 401/${refusal}: ${where}`);
          } else if (answer.status === 401 || answer.status >= 500 || unrouted(answer)) {
            problems.push(`expected the operation to answer: ${where}`);
          }
        };
        // Requests that must be refused are sent together (none may reach the operation); the others one by one.
        await Promise.all(cases.filter((c) => c.refusal !== undefined).map(send));
        for (const c of cases.filter((c) => c.refusal === undefined)) await send(c);
      }
    }
    expect(checked).toBeGreaterThan(operations.length * 3 * runs.length);
    expect(problems).toEqual([]);
  }, 180_000);
});
