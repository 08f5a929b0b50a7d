import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { startServer, type StartServerOptions } from './testing.js';

/**
 * `gameball-server exec -- <command>`: a server for the length of one command (the Firebase
 * emulators' `emulators:exec`). The flags are the server's settings; without --data-dir or
 * --database-url the storage is throwaway. Answers the command's exit code (128 + signal
 * number when a signal ended it), or 1 when the server could not start.
 */
export async function execAround(settings: Record<string, string>, run: readonly string[]): Promise<number> {
  const options: StartServerOptions = { logLevel: (settings.LOG_LEVEL as StartServerOptions['logLevel']) ?? 'warn' };
  if (settings.GAMEBALL_ACCOUNTS_FILE) options.accounts = settings.GAMEBALL_ACCOUNTS_FILE;
  if (settings.DATABASE_URL) options.storage = { databaseUrl: settings.DATABASE_URL, throwaway: false };
  else if (settings.DATA_DIR) options.storage = { dataDir: settings.DATA_DIR };
  if (settings.PORT) options.port = Number(settings.PORT);
  const { PORT: _port, GAMEBALL_ACCOUNTS_FILE: _file, DATABASE_URL: _url, DATA_DIR: _dir, LOG_LEVEL: _level, ...rest } = settings;
  options.env = rest;
  let server;
  try {
    server = await startServer(options);
  } catch (error) {
    process.stderr.write(`gameball-server: the server could not start: ${(error as Error).message}\n`);
    return 1;
  }
  process.stderr.write(`gameball-server: serving ${server.baseUrl}; running ${run.join(' ')}\n`);
  const env = {
    ...process.env,
    GAMEBALL_BASE_URL: server.baseUrl,
    GAMEBALL_ORIGIN: server.origin,
    GAMEBALL_API_KEY: server.apiKey,
    GAMEBALL_SECRET_KEY: server.secretKey,
  };
  // One word is a shell command line ("npm test"); several are the program and its arguments.
  const child = run.length === 1 ? spawn(run[0]!, { env, stdio: 'inherit', shell: true }) : spawn(run[0]!, run.slice(1), { env, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  const code = await new Promise<number>((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`gameball-server: cannot run ${run[0]}: ${error.message}\n`);
      resolve(127);
    });
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
  process.off('SIGINT', forward).off('SIGTERM', forward);
  await server.close();
  return code;
}
