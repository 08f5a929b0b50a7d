import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { bind, type Param, type Queryable, type Statement, type Store } from './sql.js';

/**
 * SQLite through Node's built-in `node:sqlite`: one connection per process, each statement
 * prepared once. The connection runs one transaction at a time; a query that arrives while a
 * transaction is open waits for it, so nobody ever reads another's uncommitted rows.
 */
export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  readonly #db: DatabaseSync;
  readonly #prepared = new Map<Statement, StatementSync>();
  #busy = false;
  readonly #waiting: Array<() => void> = [];

  constructor(file: string) {
    this.#db = new DatabaseSync(file);
    this.#db.exec('PRAGMA journal_mode = WAL');
    this.#db.exec('PRAGMA synchronous = NORMAL');
    this.#db.exec('PRAGMA busy_timeout = 5000');
    this.#db.exec('PRAGMA foreign_keys = ON');
  }

  #statement(statement: Statement): StatementSync {
    let prepared = this.#prepared.get(statement);
    if (!prepared) {
      prepared = this.#db.prepare(statement.sqlite);
      this.#prepared.set(statement, prepared);
    }
    return prepared;
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
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#hold('BEGIN IMMEDIATE', work);
  }

  /** Holding the connection is a consistent view already: nothing else runs meanwhile. */
  async snapshot<T>(work: (q: Queryable) => Promise<T>): Promise<T> {
    return this.#hold(undefined, work);
  }

  async #hold<T>(begin: string | undefined, work: (q: Queryable) => Promise<T>): Promise<T> {
    await this.#acquire();
    const tx = this.#on() as Queryable & { end(): void };
    try {
      if (begin) this.#db.exec(begin);
      const result = await work(tx);
      if (begin) this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    } finally {
      tx.end();
      this.#release();
    }
  }

  async close(): Promise<void> {
    await this.#acquire();
    this.#db.close();
  }
}
