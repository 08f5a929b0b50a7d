/**
 * Everything the benchmark must undo (child processes, temp folders, databases, a PostgreSQL
 * cluster), undone in reverse order on a normal end, on an error, on Ctrl-C / SIGTERM and
 * when the run overstays its deadline.
 */

interface Action {
  name: string;
  /** The thorough way (may be async: dropping a database, waiting for a process to end). */
  run: () => Promise<void> | void;
  /** A synchronous last resort for process 'exit' (SIGKILL a group, rmSync a folder). */
  sync?: () => void;
}

const actions: Action[] = [];
let cleaning: Promise<void> | undefined;

/** Registers an undo step; the returned function runs it now and forgets it. */
export function onCleanup(name: string, run: Action['run'], sync?: () => void): () => Promise<void> {
  const action: Action = { name, run, ...(sync ? { sync } : {}) };
  actions.push(action);
  return async () => {
    const at = actions.indexOf(action);
    if (at < 0) return;
    actions.splice(at, 1);
    await action.run();
  };
}

/** Runs every registered step, newest first; one failing step does not stop the others. */
export function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    while (actions.length > 0) {
      const action = actions.pop()!;
      try {
        await withTimeout(Promise.resolve(action.run()), 20_000, action.name);
      } catch (error) {
        console.error(`cleanup: ${action.name} failed: ${(error as Error).message}`);
        try {
          action.sync?.();
        } catch {
          // nothing more to try
        }
      }
    }
  })();
  return cleaning;
}

function cleanupSync(): void {
  while (actions.length > 0) {
    try {
      actions.pop()!.sync?.();
    } catch {
      // keep going: the rest must still be released
    }
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000}s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Ctrl-C, SIGTERM, SIGHUP and the deadline all end the run after cleaning up; a second signal ends it at once. */
export function installCleanupHandlers(deadlineSeconds: number): void {
  let signalled = false;
  const stop = (reason: string, code: number) => {
    if (signalled) {
      cleanupSync();
      process.exit(code);
    }
    signalled = true;
    console.error(`\n${reason}: stopping the servers and removing temp data...`);
    void cleanupAll().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => stop('Interrupted', 130));
  process.on('SIGTERM', () => stop('Terminated', 143));
  process.on('SIGHUP', () => stop('Hung up', 129));
  process.on('exit', cleanupSync);
  const deadline = setTimeout(() => stop(`The run passed its ${deadlineSeconds}s deadline`, 1), deadlineSeconds * 1000);
  deadline.unref();
}
