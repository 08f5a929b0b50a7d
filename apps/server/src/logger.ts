import pino, { type Logger } from 'pino';

/**
 * JSON logs on stdout; every request line carries its requestId. Written synchronously, so lines
 * keep their order and none is lost when the process exits right after logging (a fatal start
 * error, the end of a graceful stop).
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'gameball-reference-server' } }, pino.destination({ dest: 1, sync: true }));
}
