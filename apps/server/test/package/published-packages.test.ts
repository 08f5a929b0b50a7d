import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogVersion, consumerProject, filesOf, manifestOf, pack, PUBLISHED, runVitest, type Published } from './packing.js';

const FIXTURES = (kind: string) => fileURLToPath(new URL(`../fixtures/consumer-${kind}/`, import.meta.url));

/** What each tarball may hold (paths inside `package/`); anything else fails the test. */
const ALLOWED: Record<Published, RegExp> = {
  server: /^(package\.json|README\.md|LICENSE|config\/accounts\.json|dist\/.+\.js|dist\/testing(-clock)?\.d\.ts)$/,
  client: /^(package\.json|README\.md|LICENSE|dist\/(esm|cjs)\/.+\.(js|d\.ts)|dist\/cjs\/package\.json)$/,
  spec: /^(package\.json|README\.md|LICENSE|index\.(js|d\.ts)|gameball-v4\.yaml|dist\/gameball-v4\.yaml|(paths|components|webhooks)\/.+\.yaml)$/,
  docs: /^(package\.json|README\.md|LICENSE|index\.(js|d\.ts)|dist\/index\.html)$/,
  inspector: /^(package\.json|README\.md|LICENSE|index\.(js|d\.ts)|dist\/index\.html|dist\/assets\/[\w.-]+\.(js|css))$/,
};

/** Must be there. */
const REQUIRED: Record<Published, string[]> = {
  server: ['package.json', 'README.md', 'config/accounts.json', 'dist/cli.js', 'dist/main.js', 'dist/testing.js', 'dist/testing.d.ts', 'dist/testing-clock.d.ts', 'dist/store/sqlite-reader-worker.js', 'dist/store/migrations/index.js'],
  client: ['package.json', 'README.md', 'dist/esm/index.js', 'dist/cjs/index.js'],
  spec: ['package.json', 'README.md', 'index.js', 'index.d.ts', 'dist/gameball-v4.yaml'],
  docs: ['package.json', 'README.md', 'index.js', 'index.d.ts', 'dist/index.html'],
  inspector: ['package.json', 'index.js', 'index.d.ts', 'dist/index.html'],
};

describe('the published packages', () => {
  const root = mkdtempSync(join(tmpdir(), 'gameball-packages-'));
  const tarballs = {} as Record<Published, string>;
  beforeAll(() => {
    for (const name of Object.keys(PUBLISHED) as Published[]) tarballs[name] = pack(name, root);
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  for (const name of Object.keys(PUBLISHED) as Published[]) {
    it(`${name}: holds what it needs and nothing else (no data, databases, sources, tests, maps or logs)`, () => {
      const files = filesOf(tarballs[name]);
      for (const file of REQUIRED[name]) expect(files, file).toContain(file);
      expect(files.filter((file) => !ALLOWED[name].test(file))).toEqual([]);
      expect(files.filter((file) => /(^|\/)(data|src|test|bench|\.turbo|node_modules)\/|\.(db|sqlite|map|log)$|-(wal|shm)$/.test(file))).toEqual([]);
    });

    it(`${name}: is public and names real versions, no catalog: or workspace:`, () => {
      const manifest = manifestOf(tarballs[name]);
      expect(manifest.private).toBeUndefined();
      expect(JSON.stringify(manifest)).not.toMatch(/catalog:|workspace:/);
    });
  }

  it('server: a gameball-server bin, the testing export, engines with node:sqlite, its sibling packages at their versions', () => {
    const manifest = manifestOf(tarballs.server);
    expect(manifest.bin).toEqual({ 'gameball-server': './dist/cli.js' });
    expect(manifest.exports).toMatchObject({ './testing': { types: './dist/testing.d.ts', default: './dist/testing.js' } });
    expect(manifest.engines).toEqual({ node: '>=22.13' });
    const version = (name: Published) => `^${manifestOf(tarballs[name]).version as string}`;
    expect(manifest.dependencies).toMatchObject({
      '@gameball-open/client': version('client'),
      '@gameball-open/spec': version('spec'),
      '@gameball-open/docs': version('docs'),
      '@gameball-open/inspector': version('inspector'),
      express: catalogVersion('express'),
      pg: catalogVersion('pg'),
    });
  });

  // The acceptance of issue 14: outside the repository, with no workspace, from each kind of project.
  for (const kind of ['commonjs', 'module'] as const) {
    it(`a ${kind} project installs the tarballs and runs a contract test with the test kit: start, earn, read, reset, close`, () => {
      const dir = consumerProject(root, kind, Object.values(tarballs), FIXTURES(kind));
      const { code, output } = runVitest(dir);
      expect(output, output).toMatch(/✓ .*creates a customer, earns cashback, reads the balance, and is empty after reset/);
      expect(code, output).toBe(0);
    }, 900_000);
  }
});
