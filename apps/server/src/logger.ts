import pino, { type Logger } from 'pino';

/** JSON logs on stdout; every request line carries its requestId. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'gameball-reference-server' } });
}
