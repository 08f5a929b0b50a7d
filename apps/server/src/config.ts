import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** Everything the server reads from its environment, with the defaults documented in README. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Folder of the embedded SQLite database; used when `databaseUrl` is not set. */
  dataDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL is the storage. */
  databaseUrl: string | undefined;
  accountsFile: string;
  logLevel: string;
  /** Responses are checked against the spec everywhere except in production. */
  validateResponses: boolean;
}

export const DEFAULT_ACCOUNTS_FILE = fileURLToPath(
  new URL('../config/accounts.json', import.meta.url),
);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not '${env.PORT}'.`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    accountsFile: resolve(env.GAMEBALL_ACCOUNTS_FILE ?? DEFAULT_ACCOUNTS_FILE),
    logLevel: env.LOG_LEVEL ?? 'info',
    validateResponses: env.NODE_ENV !== 'production',
  };
}
