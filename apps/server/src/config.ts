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
  /** GAMEBALL_REFERENCE_TOOLS: on or off whatever the accounts file says; undefined: the file decides. */
  referenceTools: boolean | undefined;
  /** Gameball's rate limits (behaviour.md §1.4) per account and resource; RATE_LIMITS=off turns them off. */
  rateLimits: boolean;
  /** GET /metrics: served unless METRICS=off; with METRICS_TOKEN set, only to `Authorization: Bearer <token>`. */
  metrics: { token: string | undefined } | false;
  /**
   * Serve the inspector page at /inspector: `INSPECTOR=true` or `false`; unset, it is on where
   * the accounts file turns the reference tools on, except in production (NODE_ENV=production).
   */
  inspector: boolean | undefined;
  production: boolean;
}

/** An on/off switch of the environment: `on` (or unset: the default) or `off`. */
function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (value === 'on' || value === 'off') return value === 'on';
  throw new Error(`${name} must be on or off, not '${value}'.`);
}

/**
 * Every setting the server reads, with the flag of the `gameball-server` command that sets it:
 * the command's --help and the README's table are this list.
 */
export const SETTINGS = [
  { env: 'PORT', flag: '--port', value: '<port>', help: 'port to listen on, 0 for any free one (default 4010)' },
  { env: 'HOST', flag: '--host', value: '<address>', help: 'address to listen on (default 127.0.0.1; 0.0.0.0 in a container)' },
  { env: 'DATA_DIR', flag: '--data-dir', value: '<folder>', help: 'folder of the embedded SQLite database (default ./data)' },
  { env: 'DATABASE_URL', flag: '--database-url', value: '<url>', help: 'PostgreSQL connection string; when set, PostgreSQL is the storage' },
  { env: 'GAMEBALL_ACCOUNTS_FILE', flag: '--accounts-file', value: '<file>', help: 'the accounts, their keys and programs (default: the demo accounts)' },
  { env: 'GAMEBALL_REFERENCE_TOOLS', flag: '--reference-tools', value: 'on|off', help: "test clock, OTP inbox, reset...: overrides the accounts file's referenceTools" },
  { env: 'RATE_LIMITS', flag: '--rate-limits', value: 'on|off', help: "Gameball's rate limits per account and resource (default on)" },
  { env: 'METRICS', flag: '--metrics', value: 'on|off', help: 'GET /metrics in Prometheus format (default on)' },
  { env: 'METRICS_TOKEN', flag: '--metrics-token', value: '<token>', help: '/metrics only with Authorization: Bearer <token>' },
  { env: 'LOG_LEVEL', flag: '--log-level', value: '<level>', help: 'fatal, error, warn, info (default), debug, trace or silent' },
  { env: 'NODE_ENV', flag: '--node-env', value: '<name>', help: 'production stops checking responses against the spec' },
] as const;

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
  const tools = env.GAMEBALL_REFERENCE_TOOLS || undefined;
  if (tools !== undefined && !['on', 'off'].includes(tools)) {
    throw new Error(`GAMEBALL_REFERENCE_TOOLS must be on or off, not '${tools}'.`);
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    accountsFile: resolve(env.GAMEBALL_ACCOUNTS_FILE || DEFAULT_ACCOUNTS_FILE),
    logLevel,
    validateResponses: env.NODE_ENV !== 'production',
    referenceTools: tools === undefined ? undefined : tools === 'on',
    rateLimits: onOff(env, 'RATE_LIMITS', true),
    metrics: onOff(env, 'METRICS', true) ? { token: env.METRICS_TOKEN || undefined } : false,
    inspector: readSwitch('INSPECTOR', env.INSPECTOR),
    production: env.NODE_ENV === 'production',
  };
}
