import pino, { type Logger } from 'pino';

/** Lines collect up to 4 KB, then go out in one synchronous write; a timer sends the rest. */
const stdout = pino.destination({ dest: 1, sync: true, minLength: 4096 });
const FLUSH_EVERY_MS = 250;
setInterval(flush, FLUSH_EVERY_MS).unref();

function flush(): void {
  try {
    stdout.flushSync();
  } catch {
    // stdout is gone (a closed pipe): nothing more can be written anyway
  }
}

/**
 * JSON logs on stdout; every request line carries its requestId. Every write is synchronous, so
 * lines keep their order; under load many lines share one write, and none waits more than a
 * quarter of a second.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'gameball-reference-server' } }, stdout);
}

/** Ends the process once every log line written so far is out. */
export function exitAfterLogs(code: number): never {
  flush();
  process.exit(code);
}
