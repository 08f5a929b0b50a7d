import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli-args.js';
import { SETTINGS } from '../../src/config.js';
import { ACCOUNTS_FILE } from '../support/harness.js';
import { freePort } from '../support/processes.js';

const cliJs = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'gameball-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The system's Node 20 (no node:sqlite), where there is one. */
const node20 = ['/usr/bin/node', '/usr/local/bin/node'].find(
  (node) => existsSync(node) && spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.startsWith('v20.'),
);

function cli(args: string[], node = process.execPath, env: NodeJS.ProcessEnv = {}) {
  if (!existsSync(cliJs)) throw new Error(`${cliJs} is missing: build the server first (pnpm build)`);
  const run = spawnSync(node, [cliJs, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, DATABASE_URL: '', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the gameball-server command', () => {
  it('--help names a flag for every setting the server reads, with its variable', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const setting of SETTINGS) expect(help.stdout).toMatch(new RegExp(`${setting.flag} \\S+ +${setting.env}:`));
    expect(help.stdout).toContain('gameball-server exec [options] -- <command>');
  });

  it('turns flags into settings and refuses what it does not know, with exit code 2', () => {
    expect(parseCommandLine(['--port', '0', '--data-dir=/x', '--reference-tools', 'on'])).toEqual({
      command: 'serve',
      env: { PORT: '0', DATA_DIR: '/x', GAMEBALL_REFERENCE_TOOLS: 'on' },
    });
    expect(parseCommandLine(['exec', '--log-level', 'warn', '--', 'npm', 'test'])).toEqual({ command: 'exec', env: { LOG_LEVEL: 'warn' }, run: ['npm', 'test'] });
    expect(parseCommandLine(['exec'])).toMatchObject({ command: 'error' });
    expect(parseCommandLine(['--port'])).toEqual({ command: 'error', message: '--port needs a value: <port>' });
    const unknown = cli(['--prot', '80']);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([2, "gameball-server: unknown option '--prot'; see gameball-server --help"]);
  });

  it.skipIf(!node20)('on a Node without node:sqlite says so in one line and exits 1', () => {
    for (const args of [[], ['exec', '--', 'true']]) {
      const run = cli(args, node20!);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^gameball-server needs Node\.js 22\.13 or newer \(it keeps its data with node:sqlite\); this is Node\.js v20\.\d+\.\d+\.\n$/);
    }
  });

  it('serves with the flags given (port, storage, accounts, reference tools) and stops on SIGTERM', async () => {
    const port = await freePort();
    const dataDir = join(folder, 'serve');
    const args = ['--port', String(port), '--data-dir', dataDir, '--accounts-file', ACCOUNTS_FILE, '--reference-tools', 'off', '--log-level', 'warn'];
    const child = spawn(process.execPath, [cliJs, ...args], { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const origin = `http://127.0.0.1:${port}`;
    for (let attempt = 0; !(await fetch(`${origin}/health`).then((r) => r.ok, () => false)); attempt++) {
      if (attempt > 300 || child.exitCode !== null) throw new Error('the server did not come up');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The fixture's accounts file turns the tools on; the flag turns them off.
    const clock = await fetch(`${origin}/api/v4/integrations/_reference/clock`, { headers: { apikey: 'demo_apikey', secretkey: 'demo_secretkey' } });
    expect(clock.status).toBe(404);
    expect(readdirSync(dataDir)).toContain('gameball.sqlite');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exec runs the command with the server URL and keys, stops the server, exits with its code and leaves nothing behind', () => {
    const ownTmp = join(folder, 'tmp');
    mkdirSync(ownTmp);
    const script = [
      "const h = { apikey: process.env.GAMEBALL_API_KEY, secretkey: process.env.GAMEBALL_SECRET_KEY, 'content-type': 'application/json' };",
      "const base = process.env.GAMEBALL_BASE_URL;",
      "const created = await fetch(base + '/customers', { method: 'POST', headers: h, body: JSON.stringify({ customerId: 'exec-1' }) });",
      "const reset = await (await fetch(base + '/_reference/reset', { method: 'POST', headers: h })).json();",
      "console.log(JSON.stringify({ base, key: h.apikey, created: created.status, reset }));",
      'process.exit(7);',
    ].join('\n');
    const run = cli(['exec', '--', process.execPath, '--input-type=module', '-e', script], process.execPath, { TMPDIR: ownTmp });
    expect(run.code).toBe(7);
    const seen = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(seen).toMatchObject({ key: 'demo_apikey', created: 200, reset: { removed: { customers: 1 } } });
    expect(seen.base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v4\/integrations$/);
    expect(run.stderr).toMatch(/^gameball-server: serving http:\/\/127\.0\.0\.1:\d+\/api\/v4\/integrations; running /);
    expect(readdirSync(ownTmp)).toEqual([]); // its throwaway storage is gone
    // The server is gone with it.
    const after = spawnSync(process.execPath, ['-e', `fetch(${JSON.stringify(seen.base)} + '/health').then(() => process.exit(0), () => process.exit(1))`]);
    expect(after.status).toBe(1);
  }, 120_000);

  it('exec passes a one-word command to the shell and reports a command that cannot run', () => {
    expect(cli(['exec', '--', 'test -n "$GAMEBALL_BASE_URL" && exit 4']).code).toBe(4);
    expect(cli(['exec', '--', join(folder, 'no-such-program'), 'x']).code).toBe(127);
  }, 120_000);
});
