import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ACCOUNTS_FILE, type StorageLocation } from './harness.js';

/** The built server, started the way `pnpm start` starts it. */
export const mainJs = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServerProcess {
  origin: string;
  process: ChildProcess;
}

/** Starts `node dist/main.js` as its own process on a free loopback port, over the given storage. */
export async function spawnServer(location: StorageLocation, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: build the server first (pnpm build)`);
  const port = await freePort();
  const storage = location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : { DATA_DIR: location.dataDir };
  const child = spawn(process.execPath, [mainJs], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...storage, GAMEBALL_ACCOUNTS_FILE: ACCOUNTS_FILE, LOG_LEVEL: 'warn', NODE_ENV: 'test', RATE_LIMITS: 'off', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  // A bound against a server that never comes up, not a speed check: a loaded machine starts it slowly.
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server process exited with ${child.exitCode}`);
    const up = await fetch(`${origin}/health`).then((r) => r.ok, () => false);
    if (up) return { origin, process: child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the server process did not come up in 60 s');
}

/** SIGTERM, then the exit code. */
export function stopGracefully(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/** kill -9: no shutdown at all. */
export function crash(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
