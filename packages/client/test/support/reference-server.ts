import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../../apps/server/dist/main.js', import.meta.url));

export interface ReferenceServer {
  /** Base URL of the API, e.g. http://127.0.0.1:43121/api/v4/integrations. */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the built reference server (apps/server/dist, `pnpm build`) as a process of its own, on
 * a free loopback port with a throw-away SQLite folder, and reads its URL from its first log line.
 */
export async function startReferenceServer(): Promise<ReferenceServer> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first (pnpm build)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'gameball-client-test-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [MAIN], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the reference server did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the reference server exited with ${code} before listening`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      let entry: { msg?: string; url?: string } = {};
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return;
      }
      if (entry.msg === 'Gameball reference server listening' && entry.url) {
        clearTimeout(timer);
        resolve(entry.url);
      }
    });
  });
  return {
    baseUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
