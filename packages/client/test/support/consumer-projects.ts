import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/consumer/', import.meta.url));
const requireHere = createRequire(join(PACKAGE_DIR, 'package.json'));

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

/** pnpm's own entry: the one running this test, else the repository's (scripts/pnpm fetches it). */
function pnpmEntry(): string {
  const running = process.env.npm_execpath;
  if (running && /pnpm/.test(running)) return running;
  const tools = join(PACKAGE_DIR, '../../.tools');
  const fetched = existsSync(tools) ? readdirSync(tools).filter((name) => name.startsWith('pnpm-')) : [];
  for (const name of fetched) {
    const entry = join(tools, name, 'node_modules/pnpm/bin/pnpm.cjs');
    if (existsSync(entry)) return entry;
  }
  throw new Error('pnpm not found: run the tests through ./scripts/pnpm');
}

/** Packs the client as `pnpm publish` would (catalog: and workspace: resolved); answers the tarball's path. */
export function packClient(into: string): string {
  const out = run(process.execPath, [pnpmEntry(), 'pack', '--pack-destination', into], PACKAGE_DIR);
  const tarball = out.trim().split('\n').pop()!.trim();
  return tarball.startsWith('/') ? tarball : join(into, tarball);
}

/**
 * Packs an installed dependency of the client from the local store, so installing needs no
 * registry. It is copied first: the store hard-links equal files, which npm packs as links and
 * then does not extract.
 */
function packInstalled(name: string, from: string, into: string): { tarball: string; dir: string } {
  const dir = dirname(createRequire(from).resolve(`${name}/package.json`));
  const copy = join(into, 'copies', name);
  cpSync(dir, copy, { recursive: true, dereference: true });
  const out = run('npm', ['pack', copy, '--pack-destination', into, '--ignore-scripts', '--json'], into);
  const [{ filename }] = JSON.parse(out) as [{ filename: string }];
  return { tarball: join(into, filename), dir };
}

/** The client's runtime dependencies (and theirs) as tarballs. */
export function packDependencies(into: string): string[] {
  const fetch = packInstalled('openapi-fetch', join(PACKAGE_DIR, 'package.json'), into);
  const helpers = packInstalled('openapi-typescript-helpers', join(fetch.dir, 'package.json'), into);
  return [fetch.tarball, helpers.tarball];
}

/**
 * A throw-away project of the given kind that installed the tarballs with npm, offline (an empty
 * cache of its own: everything comes from the tarballs), with the fixture files beside it.
 */
export function consumerProject(root: string, kind: 'commonjs' | 'module', tarballs: string[]): string {
  const dir = join(root, `consumer-${kind}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${kind}`, version: '1.0.0', private: true, type: kind }));
  for (const file of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, file), join(dir, file));
  const env = { ...process.env, npm_config_cache: join(root, 'npm-cache'), npm_config_update_notifier: 'false' };
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', ...tarballs], dir, env);
  return dir;
}

/** Runs a file of a project with the given node; answers the JSON line it printed. */
export function runWith(node: string, dir: string, file: string): Record<string, unknown> {
  const out = run(node, [file], dir);
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}

export type TypeSettings = { module: string; moduleResolution: string; skipLibCheck?: boolean };

/** Type-checks check.ts in a project with these settings (library checks on unless skipped); resolves to tsc's output ('' when clean). */
export async function typeCheck(dir: string, name: string, settings: TypeSettings): Promise<string> {
  const config = {
    compilerOptions: { skipLibCheck: false, ...settings, target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable', 'DOM.AsyncIterable'], types: [], strict: true, noEmit: true },
    files: ['check.ts'],
  };
  writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify(config));
  const tsc = requireHere.resolve('typescript/bin/tsc');
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], { cwd: dir, encoding: 'utf8', timeout: 240_000 }, (error, stdout, stderr) => {
      resolve(`${stdout}${stderr}`.trim() + (error ? `\n(tsc failed: ${error.message.split('\n')[0]})` : ''));
    });
  });
}

/** A Node 20 to run the projects with too: the first `node` on the PATH or in /usr/bin whose major is 20. */
export function node20(): string | undefined {
  const candidates = [...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'node')), '/usr/bin/node', '/usr/local/bin/node'];
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (version.startsWith('v20.')) return candidate;
  }
  return undefined;
}
