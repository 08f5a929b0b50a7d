import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { Checkpoints, DEFAULT_CHECKPOINTS, type CheckpointOptions } from './sqlite-checkpoints.js';
import { openConnection, preparedStatements } from './sqlite-connection.js';
import { ReaderUnavailable, SqliteReader } from './sqlite-reader.js';
import { bind, readInTurn, sql, type Param, type Queryable, type Read, type Statement, type Store } from './sql.js';

const SAVEPOINT = sql('SAVEPOINT unit');
const RELEASE = sql('RELEASE unit');
const ROLLBACK_TO = sql('ROLLBACK TO unit');

interface TransactionRequest {
  work: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** How many transactions may share one commit. */
const MAX_GROUP = 128;

/** How long a group's units may hold the event loop before the group commits what ran. */
const GROUP_BUDGET_MS = 5;

/**
 * SQLite through Node's built-in `node:sqlite`: one connection per process, each statement
 * prepared once. The connection runs one transaction at a time; a query that arrives while a
 * transaction is open waits for it, so nobody ever reads another's uncommitted rows.
 *
 * Group commit: transactions that queue up while the connection is busy run together in one
 * BEGIN IMMEDIATE ... COMMIT, each in its own savepoint (a failing one rolls back alone). None is
 * answered before that COMMIT, so what a client was told is committed is on disk.
 */
export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  readonly #db: DatabaseSync;
  readonly #statement: (statement: Statement) => StatementSync;
  #busy = false;
  readonly #waiting: Array<() => void> = [];
  /** The group waiting for the connection, which later transactions join. */
  #forming: TransactionRequest[] | undefined;

  readonly #reader: SqliteReader;
  readonly #checkpoints: Checkpoints;
  #closed = false;

  /** `checkpoints` and `readerScript` (the reader thread's code) are for tests. */
  constructor(file: string, { checkpoints = DEFAULT_CHECKPOINTS, readerScript }: { checkpoints?: CheckpointOptions; readerScript?: URL } = {}) {
    this.#db = openConnection(file);
    this.#statement = preparedStatements(this.#db);
    this.#reader = new SqliteReader(file, readerScript);
    // Holding the connection (snapshot), no transaction is open nor begins while `work` runs.
    this.#checkpoints = new Checkpoints(this.#reader, (work) => this.snapshot(work), checkpoints);
  }

  /** Runs `op` on the connection now if it is free, else when the open transaction ends. */
  async #whenFree<T>(op: () => T): Promise<T> {
    if (!this.#busy) return op();
    await this.#acquire();
    try {
      return op();
    } finally {
      this.#release();
    }
  }

  async #acquire(): Promise<void> {
    if (!this.#busy) {
      this.#busy = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#busy = false;
  }

  /** The statements themselves, for a caller that holds the connection. */
  #on(): Queryable {
    let open = true;
    const check = () => {
      if (!open) throw new Error('query on a transaction that has ended');
    };
    const direct: Queryable & { end(): void } = {
      dialect: 'sqlite',
      all: async <T>(s: Statement, p: readonly Param[] = []) => (check(), this.#statement(s).all(...bind(p)) as T[]),
      get: async <T>(s: Statement, p: readonly Param[] = []) => (check(), this.#statement(s).get(...bind(p)) as T | undefined),
      run: async (s: Statement, p: readonly Param[] = []) => (check(), Number(this.#statement(s).run(...bind(p)).changes)),
      exec: async (text: string) => (check(), this.#db.exec(text)),
      end: () => {
        open = false;
      },
    };
    return direct;
  }

  all<T>(statement: Statement, params: readonly Param[] = []): Promise<T[]> {
    return this.#whenFree(() => this.#statement(statement).all(...bind(params)) as T[]);
  }

  get<T>(statement: Statement, params: readonly Param[] = []): Promise<T | undefined> {
    return this.#whenFree(() => this.#statement(statement).get(...bind(params)) as T | undefined);
  }

  run(statement: Statement, params: readonly Param[] = []): Promise<number> {
    return this.#whenFree(() => Number(this.#statement(statement).run(...bind(params)).changes));
  }

  exec(text: string): Promise<void> {
    return this.#whenFree(() => this.#db.exec(text));
  }

  /** BEGIN IMMEDIATE takes the write lock at once, so a second process waits instead of failing. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const request = { work, resolve: resolve as (value: unknown) => void, reject };
      if (this.#forming && this.#forming.length < MAX_GROUP) {
        this.#forming.push(request);
        return;
      }
      const group = [request];
      this.#forming = group;
      // Wait one turn of the event loop, so requests read in the same I/O poll can join.
      setImmediate(() => this.#runWhenFree(group));
    });
  }

  #runWhenFree(group: TransactionRequest[]): void {
    void this.#acquire().then(() => {
      if (this.#forming === group) this.#forming = undefined;
      return this.#commitGroup(group);
    });
  }

  /**
   * Runs a group's units in one transaction. The units' statements are synchronous, so the group
   * holds the event loop until its COMMIT: once GROUP_BUDGET_MS have gone, it commits what ran
   * and leaves the rest for a group of their own, after other callbacks had their turn.
   */
  async #commitGroup(group: TransactionRequest[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    const started = performance.now();
    /** How many units began: the COMMIT or its failure answers them; the rest wait. */
    let begun = 0;
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      for (const [i, request] of group.entries()) {
        if (i > 0 && performance.now() - started > GROUP_BUDGET_MS) break;
        begun = i + 1;
        const tx = this.#on() as Queryable & { end(): void };
        this.#statement(SAVEPOINT).run();
        try {
          const value = await request.work(tx);
          this.#statement(RELEASE).run();
          outcomes.push({ ok: true, value });
        } catch (error) {
          // A unit that failed leaves nothing behind; the others in the group go on.
          if (!this.#db.isTransaction) throw error;
          this.#statement(ROLLBACK_TO).run();
          this.#statement(RELEASE).run();
          outcomes.push({ ok: false, error });
        } finally {
          tx.end();
        }
      }
      this.#db.exec('COMMIT');
      group.slice(0, begun).forEach((request, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) request.resolve(outcome.value);
        else request.reject(outcome.error);
      });
    } catch (error) {
      // BEGIN or COMMIT failed, or SQLite gave up the whole transaction: nothing of the group is
      // written. Units that had not begun are not lost: they run in a group of their own.
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      // BEGIN itself failed: the whole group is answered with its error.
      if (begun === 0) begun = group.length;
      group.slice(0, begun).forEach((request, i) => {
        const outcome = outcomes[i];
        request.reject(outcome && !outcome.ok ? outcome.error : error);
      });
    } finally {
      this.#release();
      const rest = group.slice(begun);
      if (rest.length > 0) setImmediate(() => this.#runWhenFree(rest));
    }
  }

  /** Holding the connection is a consistent view already: nothing else runs meanwhile. */
  async snapshot<T>(work: (q: Queryable) => Promise<T>): Promise<T> {
    await this.#acquire();
    const q = this.#on() as Queryable & { end(): void };
    try {
      return await work(q);
    } finally {
      q.end();
      this.#release();
    }
  }

  /**
   * On the reader thread: it sees what was committed, as this connection's own reads do. While
   * that thread is down, on this connection, holding it (one consistent view, as there).
   */
  readOffLoop(reads: readonly Read[]): Promise<unknown[][]> {
    return this.#onThreadElse(
      () => this.#reader.read(reads),
      () => this.snapshot((q) => readInTurn(q, reads)),
    );
  }

  /** On the reader thread as a brief read (a held checkpoint may wait behind it); else here. */
  readBrief(read: Read): Promise<unknown[]> {
    return this.#onThreadElse(
      async () => (await this.#reader.read([read], true))[0]!,
      () => this.all(read.statement, read.params),
    );
  }

  /** `onThread`, or `here` on this connection while the reader thread is down. */
  async #onThreadElse<T>(onThread: () => Promise<T>, here: () => Promise<T>): Promise<T> {
    try {
      return await onThread();
    } catch (error) {
      if (!(error instanceof ReaderUnavailable) || this.#closed) throw error;
      return here();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    // The thread's end fails what it was asked, the checkpoint round under way included.
    const rounds = this.#checkpoints.stop();
    await this.#reader.close();
    await rounds;
    await this.#acquire();
    this.#db.close();
  }
}
