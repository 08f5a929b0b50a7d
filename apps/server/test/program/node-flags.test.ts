import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../src/node-flags.js';

const file = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
const cliJs = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** The V8 settings of src/node-flags.ts reach the server however it is started. */
describe('the node flags of the server process', () => {
  it('are on every way to start it: pnpm start, the bin, the Dockerfile', () => {
    expect(NODE_FLAGS.length).toBeGreaterThan(0);
    const start = (JSON.parse(file('package.json')) as { scripts: Record<string, string> }).scripts.start;
    expect(start).toBe(`node ${NODE_FLAGS.join(' ')} dist/main.js`);
    expect(file('src/cli.ts').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`);
    const entrypoint = /^ENTRYPOINT (\[.*\])$/m.exec(file('Dockerfile'))?.[1];
    expect(JSON.parse(entrypoint ?? '[]')).toEqual(['node', ...NODE_FLAGS, '/app/node_modules/@gameball-open/server/dist/cli.js']);
  });

  it('are read from the bin\'s first line when the bin itself is run, as npm links it', () => {
    if (!existsSync(cliJs)) throw new Error(`${cliJs} is missing: build the server first (pnpm build)`);
    // npm and pnpm make a bin executable when they install it; the build does not.
    chmodSync(cliJs, statSync(cliJs).mode | 0o111);
    const run = spawnSync(cliJs, ['--help'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('gameball-server exec [options] -- <command>');
  });
});
