#!/usr/bin/env -S node --max-semi-space-size=8 --heap-growing-percent=50
import { readFileSync } from 'node:fs';
import { HELP, parseCommandLine } from './cli-args.js';
import { missingNodeSupport } from './node-support.js';

/**
 * The `gameball-server` command: serve (the flags become the environment main.ts reads) or
 * exec (a server around a command). Nothing that needs node:sqlite is loaded before the Node
 * check, so an old Node gets one line and exit code 1.
 */
async function main(): Promise<void> {
  const line = parseCommandLine(process.argv.slice(2));
  if (line.command === 'help') return void process.stdout.write(`${HELP}\n`);
  if (line.command === 'version') {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    return void process.stdout.write(`${manifest.version}\n`);
  }
  if (line.command === 'error') {
    process.stderr.write(`gameball-server: ${line.message}\n`);
    process.exit(2);
  }
  const unsupported = await missingNodeSupport();
  if (unsupported) {
    process.stderr.write(`${unsupported}\n`);
    process.exit(1);
  }
  if (line.command === 'serve') {
    Object.assign(process.env, line.env);
    await import('./main.js');
    return;
  }
  const { execAround } = await import('./exec.js');
  process.exitCode = await execAround(line.env, line.run);
}

void main();
