import { Worker } from 'node:worker_threads';
import { bind, type Read } from './sql.js';

// From dist/ the worker is the compiled .js; from the sources (tests) Node strips the .ts itself.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './sqlite-reader-worker.ts' : './sqlite-reader-worker.js', import.meta.url);

interface Waiting {
  resolve: (results: unknown[][]) => void;
  reject: (error: Error) => void;
  /** A read known to be short (one page of a listing), which a held checkpoint may wait behind. */
  brief: boolean;
}

/** What a PASSIVE checkpoint reports, in pages: the log's length and how much of it is copied. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

interface Thread {
  worker: Worker;
  /** Its requests not answered yet, by id. */
  waiting: Map<number, Waiting>;
}

/**
 * How long after the thread stopped it stays down before a request starts it again: 5 s, doubled
 * after each stop in a row (up to 5 minutes), until it answers again.
 */
const RESTART_AFTER_MS = 5_000;
const RESTART_AFTER_MAX_MS = 300_000;

/** The reader thread is not running: the caller does the work another way. */
export class ReaderUnavailable extends Error {}

/** Fails every request `thread` has not answered with `error`. */
function abandon(thread: Thread, error: ReaderUnavailable): void {
  for (const waiting of thread.waiting.values()) waiting.reject(error);
  thread.waiting.clear();
}

/**
 * The database's slow work, on a thread of its own so that the event loop goes on serving other
 * requests meanwhile (node:sqlite is synchronous: on the main thread it would hold every other
 * request until it ends):
 * - reads that may take a while (the leaderboard of an account with many customers), and brief
 *   ones that serve a request (a page of the transaction list: a third of its time on the main
 *   thread before), on the thread's own read-only connection. WAL mode lets it read what was
 *   committed while the main connection writes. Requests queue on the one thread, in order.
 * - the WAL checkpoints, when sqlite-checkpoints.ts asks for them, which otherwise fall on
 *   whichever commit fills the log, with a write and an fsync of many pages.
 * The thread starts with the store. If it stops, a process warning says so, what it was asked
 * fails with ReaderUnavailable (the store then reads on its own connection, and its commits
 * checkpoint the log), and the next request after RESTART_AFTER_MS starts it again: a thread
 * that cannot start is not restarted in a loop.
 */
export class SqliteReader {
  readonly #file: string;
  readonly #script: URL;
  #thread: Thread | undefined;
  #next = 1;
  /** While the thread is down after a failure: when it may be started again. */
  #downUntil = 0;
  /** Stops since the thread last answered. */
  #stops = 0;
  #closed = false;

  /** `script` is the thread's code (tests give one that fails). */
  constructor(file: string, script: URL = WORKER) {
    this.#file = file;
    this.#script = script;
    this.#thread = this.#start();
  }

  #start(): Thread {
    // A young generation of 3 MB: the thread's garbage (each page's rows, once copied to the main
    // thread) is collected often instead of growing the process's memory towards V8's default
    // size (side by side under the transaction list: peak RSS 192-201 MB, 194-206 MB without).
    const worker = new Worker(this.#script, { workerData: { file: this.#file }, resourceLimits: { maxYoungGenerationSizeMb: 3 } });
    const thread: Thread = { worker, waiting: new Map() };
    // The reader alone never keeps the process alive.
    worker.unref();
    worker.on('message', (answer: { id: number; results?: unknown[][]; error?: string }) => {
      this.#stops = 0;
      const waiting = thread.waiting.get(answer.id);
      thread.waiting.delete(answer.id);
      if (answer.error !== undefined) waiting?.reject(new Error(answer.error));
      else waiting?.resolve(answer.results!);
    });
    const fail = (error: Error) => {
      if (this.#thread !== thread) return;
      this.#thread = undefined;
      this.#stops += 1;
      this.#downUntil = Date.now() + Math.min(RESTART_AFTER_MS * 2 ** (this.#stops - 1), RESTART_AFTER_MAX_MS);
      if (!this.#closed) {
        process.emitWarning(`the SQLite reader thread stopped (${error.message}); reads run on the main connection until it restarts`, {
          code: 'GAMEBALL_SQLITE_READER',
        });
      }
      abandon(thread, new ReaderUnavailable(error.message));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return thread;
  }

  /** `brief`: the reads are short by their nature (a page of a listing, not a ranking of an account). */
  read(reads: readonly Read[], brief = false): Promise<unknown[][]> {
    const message = { reads: reads.map((read) => ({ text: read.statement.sqlite, params: bind(read.params), ...(read.statement.arrays ? { arrays: true } : {}) })) };
    return this.#ask(message, brief);
  }

  /** A PASSIVE checkpoint on the thread's connection, after the reads asked before it. */
  async checkpoint(): Promise<CheckpointResult> {
    const [[result]] = (await this.#ask({ checkpoint: true })) as [[CheckpointResult]];
    return result;
  }

  #ask(request: object, brief = false): Promise<unknown[][]> {
    if (!this.#thread) {
      if (this.#closed || Date.now() < this.#downUntil) return Promise.reject(new ReaderUnavailable('the SQLite reader thread is not running'));
      this.#thread = this.#start();
    }
    const thread = this.#thread;
    const id = this.#next++;
    const message = { id, ...request };
    return new Promise((resolve, reject) => {
      thread.waiting.set(id, { resolve, reject, brief });
      thread.worker.postMessage(message);
    });
  }

  /** Ends the thread; what it was asked and has not answered fails with ReaderUnavailable. */
  async close(): Promise<void> {
    this.#closed = true;
    const thread = this.#thread;
    this.#thread = undefined;
    if (!thread) return;
    abandon(thread, new ReaderUnavailable('the SQLite store is closed'));
    await thread.worker.terminate();
  }

  /**
   * No request that may take long is waiting for the thread: one sent now is served after brief
   * reads only (pages of at most 201 rows, well under a millisecond each).
   */
  idle(): boolean {
    if (this.#thread === undefined) return false;
    for (const waiting of this.#thread.waiting.values()) if (!waiting.brief) return false;
    return true;
  }
}
