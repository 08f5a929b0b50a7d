import { expect, it } from 'vitest';
import { demo, describeOnStorages } from '../support/harness.js';
import { exampleRequest, specOperations } from '../support/spec-operations.js';
import { call, expectError } from './helpers.js';

const keys = { apikey: demo.apiKey, secretkey: demo.secretKey };

/**
 * Every operation of the API can answer 429 (a rate limit, or a 429 the reference tools inject):
 * each does, in the error model with Retry-After, and its spec documents it; the reference
 * tools never answer it.
 */
describeOnStorages('429 on every operation', (server) => {
  it('answers 429/4000 with Retry-After on every operation of the API, and the spec documents it for each', async () => {
    await server().client().PUT('/_reference/faults', { body: { faults: [{ status: 429, retryAfterSeconds: 2 }] } });
    const problems: string[] = [];
    let sent = 0;
    for (const operation of specOperations()) {
      if (operation.path.startsWith('/_reference/')) {
        if (operation.statuses.includes('429')) problems.push(`${operation.operationId}: a reference tool documents a 429 it never answers`);
        continue;
      }
      const answer = await call(`${server().baseUrl}${operation.url}`, exampleRequest(operation, keys));
      sent++;
      try {
        expectError(answer, 429, 4000);
        expect(answer.headers.get('retry-after')).toBe('2');
      } catch (error) {
        problems.push(`${operation.operationId}: ${answer.status} ${answer.text.slice(0, 120)}`);
      }
      if (!operation.statuses.includes('429')) problems.push(`${operation.operationId}: 429 is not documented`);
    }
    await server().client().DELETE('/_reference/faults');
    expect(sent).toBeGreaterThan(70);
    expect(problems).toEqual([]);
  });
});
