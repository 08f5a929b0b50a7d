import { expect, it } from 'vitest';
import { specPath } from '@gameball-open/spec';
import { readSpec } from '../../src/http/spec-routes.js';
import { demo, describeOnStorages } from '../support/harness.js';
import { seededRandom } from '../support/random.js';

const ROUNDS = 12;
const spec = readSpec(specPath) as unknown as {
  paths: Record<string, Record<string, { requestBody?: { content: { 'application/json': { examples: Record<string, { value: Record<string, unknown> }> } } } }>>;
};


const JUNK: unknown[] = [null, -1, 0, 1e308, -1e21, 0.000001, '', 'x'.repeat(5000), '2024-13-45T99:99:99Z', true, [], {}, [1, 'a'], { nested: { deep: [null] } }, '💥', 'NaN'];

/** Each example body with one field (or the whole body) replaced by junk. */
function mutations(rnd: () => number) {
  const list: Array<{ path: string; body: unknown }> = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const examples = item.post?.requestBody?.content['application/json'].examples;
    if (!examples || path.includes('{')) continue;
    for (const { value } of Object.values(examples)) {
      for (let round = 0; round < ROUNDS; round++) {
        const junk = JUNK[Math.floor(rnd() * JUNK.length)];
        const keys = Object.keys(value);
        if (round === 0) list.push({ path, body: junk });
        else list.push({ path, body: { ...value, [keys[Math.floor(rnd() * keys.length)]!]: junk, transactionId: `fuzz-${round}-${rnd()}` } });
      }
    }
  }
  return list;
}

describeOnStorages('junk input', (server) => {

  it('never answers 500: every refusal is a 4xx in the Gameball error model', async () => {
    const cases = mutations(seededRandom(7));
    expect(cases.length).toBeGreaterThan(100);
    for (const { path, body } of cases) {
      const response = await fetch(`${server().baseUrl}${path}`, {
        method: 'POST',
        headers: { apikey: demo.apiKey, secretkey: demo.secretKey, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      expect(response.status, `${path} ${JSON.stringify(body).slice(0, 200)} -> ${text.slice(0, 200)}`).toBeLessThan(500);
      if (response.status >= 400) expect(JSON.parse(text)).toMatchObject({ code: expect.any(Number), requestId: expect.any(String) });
    }
  });
});
