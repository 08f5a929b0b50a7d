import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACCOUNTS_FILE } from '../support/harness.js';
import { freePort, mainJs } from '../support/processes.js';

const dataDir = mkdtempSync(join(tmpdir(), 'gameball-process-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
}

/** Runs `node dist/main.js` (SQLite in a temporary folder); `whileUp` runs once it answers /health. */
function runServer(env: Record<string, string>, whileUp?: (origin: string, stop: () => void) => Promise<void>): Promise<Run> {
  if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: build the server first (pnpm build)`);
  const child = spawn(process.execPath, [mainJs], {
    env: { ...process.env, HOST: '127.0.0.1', DATA_DIR: dataDir, GAMEBALL_ACCOUNTS_FILE: ACCOUNTS_FILE, LOG_LEVEL: 'info', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<Run>((resolve) =>
    child.on('exit', (code, signal) => setImmediate(() => resolve({ code, signal, lines: stdout.split('\n').filter(Boolean) }))),
  );
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return (async () => {
    if (whileUp) {
      const origin = `http://127.0.0.1:${env.PORT}`;
      for (let attempt = 0; ; attempt++) {
        if (child.exitCode !== null || attempt > 150) throw new Error(`the server did not come up: ${stdout}${stderr}`);
        if (await fetch(`${origin}/health`).then((r) => r.ok, () => false)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await whileUp(origin, () => child.kill('SIGTERM'));
    }
    const run = await exited;
    clearTimeout(timer);
    expect(stderr).toBe('');
    return run;
  })();
}

async function takenPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}


/** The process exited 1 with one JSON fatal line and nothing else. */
function expectFatal(run: Run, message: RegExp) {
  expect(run.code).toBe(1);
  expect(run.lines).toHaveLength(1);
  const line = JSON.parse(run.lines[0]!);
  expect(line.level).toBe(60);
  expect(line.msg).toMatch(message);
}

describe('the server process (dist/main.js)', () => {
  it.each([
    ['PORT=abc', { PORT: 'abc' }, /PORT must be a port number/],
    ['PORT=70000', { PORT: '70000' }, /PORT must be a port number/],
    ['an unknown LOG_LEVEL', { PORT: '0', LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    ['an unreadable accounts file', { PORT: '0', GAMEBALL_ACCOUNTS_FILE: '/no/such/accounts.json' }, /accounts file/],
  ])('exits 1 with one JSON fatal line for %s', async (_name, env, message) => {
    expectFatal(await runServer(env), message);
  });

  it('exits 1 with one JSON fatal line when its port is taken', async () => {
    const { port, server } = await takenPort();
    try {
      const run = await runServer({ PORT: String(port) });
      expectFatal(run, new RegExp(`port ${port} .*already in use`));
      expect(JSON.parse(run.lines[0]!).code).toBe('EADDRINUSE');
    } finally {
      server.close();
    }
  });

  it('stops gracefully on SIGTERM: exit 0 and the port is free again', async () => {
    const port = await freePort();
    const run = await runServer({ PORT: String(port) }, async (origin, stop) => {
      expect((await fetch(`${origin}/health`)).status).toBe(200);
      stop();
    });
    expect(run.code).toBe(0);
    const messages = run.lines.map((line) => JSON.parse(line).msg);
    expect(messages[0]).toBe('Gameball reference server listening');
    expect(messages.slice(-2)).toEqual(['shutting down: finishing open requests', 'stopped']);
    const again = createServer();
    await new Promise<void>((resolve, reject) => again.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((resolve) => again.close(resolve));
  });
});
