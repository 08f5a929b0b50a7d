import { Worker } from 'node:worker_threads';
import { bind, type Read } from './sql.js';

// From dist/ the worker is the compiled .js; from the sources (tests) Node strips the .ts itself.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './sqlite-reader-worker.ts' : './sqlite-reader-worker.js', import.meta.url);

interface Waiting {
  resolve: (results: unknown[][]) => void;
  reject: (error: Error) => void;
}

/** What a PASSIVE checkpoint reports, in pages: the log's length and how much of it is copied. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * The database's slow work, on a thread of its own so that the event loop goes on serving other
 * requests meanwhile (node:sqlite is synchronous: on the main thread it would hold every other
 * request until it ends):
 * - reads that may take a while (the leaderboard of an account with many customers), on the
 *   thread's own read-only connection. WAL mode lets it read what was committed while the main
 *   connection writes. Requests queue on the one thread, in order.
 * - the WAL checkpoints, when sqlite-checkpoints.ts asks for them, which otherwise fall on
 *   whichever commit fills the log, with a write and an fsync of many pages.
 * The thread starts with the store, and again on the next read after it failed.
 */
interface Thread {
  worker: Worker;
  /** Its requests not answered yet, by id. */
  waiting: Map<number, Waiting>;
}

export class SqliteReader {
  readonly #file: string;
  #thread: Thread | undefined;
  #next = 1;

  constructor(file: string) {
    this.#file = file;
    this.#thread = this.#start();
  }

  #start(): Thread {
    const worker = new Worker(WORKER, { workerData: { file: this.#file } });
    const thread: Thread = { worker, waiting: new Map() };
    // The reader alone never keeps the process alive.
    worker.unref();
    worker.on('message', (answer: { id: number; results?: unknown[][]; error?: string }) => {
      const waiting = thread.waiting.get(answer.id);
      thread.waiting.delete(answer.id);
      if (answer.error !== undefined) waiting?.reject(new Error(answer.error));
      else waiting?.resolve(answer.results!);
    });
    const fail = (error: Error) => {
      if (this.#thread === thread) this.#thread = undefined;
      for (const waiting of thread.waiting.values()) waiting.reject(error);
      thread.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the SQLite reader thread stopped (exit code ${code})`)));
    return thread;
  }

  read(reads: readonly Read[]): Promise<unknown[][]> {
    return this.#ask({ reads: reads.map((read) => ({ text: read.statement.sqlite, params: bind(read.params) })) });
  }

  /** A PASSIVE checkpoint on the thread's connection, after the reads asked before it. */
  async checkpoint(): Promise<CheckpointResult> {
    const [[result]] = (await this.#ask({ checkpoint: true })) as [[CheckpointResult]];
    return result;
  }

  #ask(request: object): Promise<unknown[][]> {
    const thread = (this.#thread ??= this.#start());
    const id = this.#next++;
    const message = { id, ...request };
    return new Promise((resolve, reject) => {
      thread.waiting.set(id, { resolve, reject });
      thread.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    const thread = this.#thread;
    this.#thread = undefined;
    await thread?.worker.terminate();
  }
}
