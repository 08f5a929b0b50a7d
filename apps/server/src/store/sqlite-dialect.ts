import { DatabaseSync } from 'node:sqlite';
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteStatement,
  type TransactionSettings,
} from 'kysely';

/** Adapts Node's built-in `node:sqlite` to the statement interface Kysely's SQLite driver uses. */
function adapt(db: DatabaseSync): SqliteDatabase {
  const toParams = (parameters: ReadonlyArray<unknown>) =>
    parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value)) as never[];
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const statement = db.prepare(sql);
      return {
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...toParams(parameters)),
        run: (parameters) => statement.run(...toParams(parameters)),
        iterate: (parameters) => statement.iterate(...toParams(parameters)),
      };
    },
  };
}

/**
 * One SQLite connection shared by the process. Kysely's SQLite driver hands that connection to
 * everyone at once; this driver queues them, so a transaction never interleaves with another,
 * and starts transactions with BEGIN IMMEDIATE so a second process waits instead of failing.
 */
class SerializedSqliteDriver implements Driver {
  readonly #inner: SqliteDriver;
  #tail: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(inner: SqliteDriver) {
    this.#inner = inner;
  }

  init() {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => turn);
    await previous;
    this.#release = release;
    return this.#inner.acquireConnection();
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings) {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  commitTransaction(connection: DatabaseConnection) {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection) {
    return this.#inner.rollbackTransaction(connection);
  }

  destroy() {
    return this.#inner.destroy();
  }
}

class SerializedSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    return new SerializedSqliteDriver(super.createDriver() as SqliteDriver);
  }
}

/** Opens (creating if needed) an SQLite file in WAL mode. */
export function sqliteDialect(file: string): SqliteDialect {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = ON');
  return new SerializedSqliteDialect({ database: adapt(db) });
}
