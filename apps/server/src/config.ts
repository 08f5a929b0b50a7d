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
  /**
   * Serve the inspector page at /inspector: `INSPECTOR=true` or `false`; unset, it is on where
   * the accounts file turns the reference tools on, except in production (NODE_ENV=production).
   */
  inspector: boolean | undefined;
  production: boolean;
}

export const DEFAULT_ACCOUNTS_FILE = fileURLToPath(
  new URL('../config/accounts.json', import.meta.url),
);

/** pino's levels; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** An on/off setting: `true`, `false`, or unset (undefined: the default applies). */
function readSwitch(name: string, text: string | undefined): boolean | undefined {
  if (text === undefined || text === '') return undefined;
  if (text === 'true' || text === 'false') return text === 'true';
  throw new Error(`${name} must be true or false, not '${text}'.`);
}

/** Whether /inspector is served: as asked, else where the reference tools are on outside production. */
export function inspectorOn(config: Pick<ServerConfig, 'inspector' | 'production'>, referenceTools: boolean): boolean {
  return config.inspector ?? (referenceTools && !config.production);
}

/** Reads and checks the environment; a bad value throws an Error whose message names it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const portText = env.PORT || '4010';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new Error(`PORT must be a port number from 0 to 65535, not '${env.PORT}'.`);
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not '${env.LOG_LEVEL}'.`);
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    accountsFile: resolve(env.GAMEBALL_ACCOUNTS_FILE || DEFAULT_ACCOUNTS_FILE),
    logLevel,
    validateResponses: env.NODE_ENV !== 'production',
    inspector: readSwitch('INSPECTOR', env.INSPECTOR),
    production: env.NODE_ENV === 'production',
  };
}
