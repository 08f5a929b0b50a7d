import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specOperations } from './support/spec-operations.js';

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/\s+/g, '-').toLowerCase();
const src = (path: string) => new URL(`../src/${path}`, import.meta.url);
const test = (path: string) => new URL(`./${path}`, import.meta.url);

/**
 * An operation is found from its operationId alone: `handlers/<tag>.ts` exports it,
 * `use-cases/<tag>/<operation-id>.ts` is its story, `test/<tag>/<operation-id>.test.ts` its test.
 * Walks the bundled spec, so an operation added to the spec is held to it at once.
 */
describe('the names of every operation of the spec', () => {
  const operations = specOperations();

  it.each(operations.map((o) => [o.operationId, o.tag] as const))('%s (%s) has its handler, use case and test named after it', async (operationId, tag) => {
    const handlers = (await import(src(`handlers/${kebab(tag)}.ts`).href)) as Record<string, unknown>;
    expect(typeof handlers[operationId], `handlers/${kebab(tag)}.ts exports ${operationId}`).toBe('function');
    const useCasePath = `use-cases/${kebab(tag)}/${kebab(operationId)}.ts`;
    expect(existsSync(src(useCasePath)), `src/${useCasePath}`).toBe(true);
    const useCase = (await import(src(useCasePath).href)) as Record<string, unknown>;
    expect(typeof useCase[operationId], `${useCasePath} exports ${operationId}`).toBe('function');
    const testPath = `${kebab(tag)}/${kebab(operationId)}.test.ts`;
    expect(existsSync(test(testPath)), `test/${testPath}`).toBe(true);
  });

  it('walks every operation', () => {
    expect(operations.length).toBeGreaterThanOrEqual(59);
  });
});
