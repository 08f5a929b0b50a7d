import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The packages that ship, by folder. */
export const PUBLISHED = {
  server: 'apps/server',
  client: 'packages/client',
  spec: 'spec',
  docs: 'apps/docs',
  inspector: 'apps/inspector',
} as const;
export type Published = keyof typeof PUBLISHED;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env, timeout = 300_000): string {
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout });
}

/** pnpm's own entry: the one running the tests, else the one scripts/pnpm fetched into .tools. */
function pnpmEntry(): string {
  const running = process.env.npm_execpath;
  if (running && /pnpm/.test(running)) return running;
  const tools = join(ROOT, '.tools');
  for (const name of existsSync(tools) ? readdirSync(tools).filter((n) => n.startsWith('pnpm-')) : []) {
    const entry = join(tools, name, 'node_modules/pnpm/bin/pnpm.cjs');
    if (existsSync(entry)) return entry;
  }
  throw new Error('pnpm not found: run the tests through ./scripts/pnpm');
}

/** Packs a package as `pnpm publish` would (catalog: and workspace: resolved); answers the tarball. */
export function pack(name: Published, into: string): string {
  const out = run(process.execPath, [pnpmEntry(), 'pack', '--pack-destination', into], join(ROOT, PUBLISHED[name]));
  const tarball = out.trim().split('\n').pop()!.trim();
  return tarball.startsWith('/') ? tarball : join(into, tarball);
}

/** The files of a tarball, without the leading `package/`. */
export function filesOf(tarball: string): string[] {
  return run('tar', ['-tzf', tarball], ROOT).trim().split('\n').map((file) => file.replace(/^package\//, ''));
}

export function manifestOf(tarball: string): Record<string, unknown> & { dependencies?: Record<string, string>; engines?: Record<string, string>; bin?: Record<string, string> } {
  return JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], ROOT));
}

/** A version pinned in the workspace's catalog. */
export function catalogVersion(name: string): string {
  const catalog = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const found = new RegExp(`^\\s+"?${name.replace(/[/]/g, '\\/')}"?: (\\S+)$`, 'm').exec(catalog);
  if (!found) throw new Error(`${name} is not in the catalog`);
  return found[1]!;
}

/**
 * A project of the given kind outside the repository that installed the tarballs with npm (their
 * third-party dependencies and vitest from the registry), with the fixture files copied in.
 */
export function consumerProject(root: string, kind: 'commonjs' | 'module', tarballs: string[], fixtures: string): string {
  const dir = join(root, `consumer-${kind}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${kind}`, version: '1.0.0', private: true, type: kind }));
  for (const file of readdirSync(fixtures)) copyFileSync(join(fixtures, file), join(dir, file));
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  // No lockfile, no scripts; the workspace's own vitest version, as a user of this repository's tests would pick.
  run('npm', ['install', '--no-package-lock', '--ignore-scripts', '--loglevel=error', ...tarballs, `vitest@${catalogVersion('vitest')}`], dir, env, 600_000);
  return dir;
}

/** Runs the project's vitest files with this Node; answers its output and exit code. */
export function runVitest(dir: string): { code: number; output: string } {
  const vitest = join(dir, 'node_modules/vitest/vitest.mjs');
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NODE_OPTIONS: '', NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  // The outer vitest's own settings must not leak into the project's run.
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST' || key === 'NODE_ENV') delete env[key];
  try {
    return { code: 0, output: plain(run(process.execPath, [vitest, 'run', '--reporter=verbose'], dir, env, 600_000)) };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { code: e.status ?? 1, output: plain(`${e.stdout ?? ''}${e.stderr ?? ''}`) };
  }
}

/** Text without terminal colours. */
function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}
