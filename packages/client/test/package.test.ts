import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerProject, node20, packClient, packDependencies, runWith, typeCheck } from './support/consumer-projects.js';

const EXPECTED_RUN = {
  data: { customerId: 'c1', seenApiKey: 'k' },
  errorCode: 9008,
  thrown: 'GameballApiError 9008 422',
  noConnection: 'CONNECTION_REFUSED',
  slow: 'TIMEOUT',
  pages: ['t1', 't2', 't3'],
};

describe('the packed client', () => {
  const root = mkdtempSync(join(tmpdir(), 'gameball-client-pack-'));
  let tarball: string;
  let files: string[];
  let manifest: Record<string, unknown> & { dependencies?: Record<string, string>; engines?: { node?: string } };
  const projects: Record<'commonjs' | 'module', string> = { commonjs: '', module: '' };

  beforeAll(() => {
    tarball = packClient(root);
    files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    const tarballs = [tarball, ...packDependencies(root)];
    projects.commonjs = consumerProject(root, 'commonjs', tarballs);
    projects.module = consumerProject(root, 'module', tarballs);
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('names real versions of its dependencies, no catalog: or workspace:', () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('catalog:');
    expect(text).not.toContain('workspace:');
    const catalog = readFileSync(new URL('../../../pnpm-workspace.yaml', import.meta.url), 'utf8');
    const pinned = /^\s+openapi-fetch: (\S+)$/m.exec(catalog)![1];
    expect(manifest.dependencies).toEqual({ 'openapi-fetch': pinned });
  });

  it('holds the two builds, their types and the README, and no sources, tests or maps', () => {
    expect(files).toContain('package/README.md');
    expect(files).toContain('package/dist/esm/index.js');
    expect(files).toContain('package/dist/esm/index.d.ts');
    expect(files).toContain('package/dist/cjs/index.js');
    expect(files).toContain('package/dist/cjs/index.d.ts');
    expect(files).toContain('package/dist/cjs/package.json');
    const unexpected = files.filter(
      (file) => !/^package\/(README\.md|LICENSE|package\.json|dist\/(esm|cjs)\/.+\.(js|d\.ts)|dist\/cjs\/package\.json)$/.test(file),
    );
    expect(unexpected).toEqual([]);
  });

  it('says which Node it needs: 20 or newer', () => {
    expect(manifest.engines).toEqual({ node: '>=20' });
  });

  for (const kind of ['commonjs', 'module'] as const) {
    for (const entry of ['require-entry.cjs', 'import-entry.mjs']) {
      it(`runs in a ${kind} project, loaded with ${entry.split('-')[0]}, on this Node (${process.version})`, () => {
        const result = runWith(process.execPath, projects[kind], entry);
        expect(result).toMatchObject(EXPECTED_RUN);
        if (entry.startsWith('import')) expect(result.acrossCopies).toBe(true);
      });

      it.skipIf(!node20())(`runs in a ${kind} project, loaded with ${entry.split('-')[0]}, on Node 20`, () => {
        expect(runWith(node20()!, projects[kind], entry)).toMatchObject(EXPECTED_RUN);
      });
    }
  }

  // The declarations of each build are checked once in full (skipLibCheck false); the other
  // settings check only how the package resolves and types the calls, which is much faster.
  // tsc takes several seconds a run, and much longer on a busy machine.
  it('type-checks in a CommonJS project with node16, nodenext and node10 resolution', async () => {
    const outputs = await Promise.all([
      typeCheck(projects.commonjs, 'node16', { module: 'node16', moduleResolution: 'node16' }),
      typeCheck(projects.commonjs, 'nodenext', { module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: true }),
      typeCheck(projects.commonjs, 'node10', { module: 'commonjs', moduleResolution: 'node10', skipLibCheck: true }),
    ]);
    expect(outputs).toEqual(['', '', '']);
  }, 300_000);

  it('type-checks in an ESM project with node16, nodenext and bundler resolution', async () => {
    const outputs = await Promise.all([
      typeCheck(projects.module, 'node16', { module: 'node16', moduleResolution: 'node16' }),
      typeCheck(projects.module, 'nodenext', { module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: true }),
      typeCheck(projects.module, 'bundler', { module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true }),
    ]);
    expect(outputs).toEqual(['', '', '']);
  }, 300_000);
});
