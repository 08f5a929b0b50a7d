/**
 * The one query interface of the server: SQL text written once with `?` placeholders, run on
 * SQLite or PostgreSQL. Statements are defined at module level with `sql()`, so each is
 * prepared once per connection (SQLite statement cache, PostgreSQL named statements).
 */
export type Dialect = 'sqlite' | 'postgres';

export interface Statement {
  /** PostgreSQL's name for the prepared statement. */
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
  /**
   * Rows come back as arrays of the selected columns, in their order, instead of objects: for
   * reads of many rows (a page of the ledger), where building an object per row in the driver
   * costs more than reading it.
   */
  readonly arrays?: true;
}

const defined = new Map<string, Statement>();

/** Rewrites `?` into `$1, $2, ...` (statements here never put `?` inside a string literal). */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/**
 * Defines a statement. `FOR UPDATE` (row locks) and `SKIP LOCKED` only exist on PostgreSQL;
 * SQLite needs neither, because a write transaction there holds the whole database.
 */
export function sql(text: string, rows: 'objects' | 'arrays' = 'objects'): Statement {
  const key = rows === 'arrays' ? `arrays:${text}` : text;
  const existing = defined.get(key);
  if (existing) return existing;
  const statement: Statement = {
    name: `gb_${defined.size + 1}`,
    sqlite: text.replace(/\s+FOR UPDATE(\s+OF\s+\w+)?(\s+SKIP LOCKED)?/gi, ''),
    postgres: numbered(text),
    ...(rows === 'arrays' ? { arrays: true as const } : {}),
  };
  defined.set(key, statement);
  return statement;
}

export type Param = string | number | bigint | null | undefined | boolean;

/** What every query runs on: the store outside a transaction, or a transaction. */
export interface Queryable {
  readonly dialect: Dialect;
  all<T>(statement: Statement, params?: readonly Param[]): Promise<T[]>;
  get<T>(statement: Statement, params?: readonly Param[]): Promise<T | undefined>;
  /** Runs a write; answers the number of rows it changed. */
  run(statement: Statement, params?: readonly Param[]): Promise<number>;
  /** Runs SQL without parameters, possibly several statements (migrations only). */
  exec(text: string): Promise<void>;
  /**
   * Inside a transaction: sends a write whose answer nobody needs without waiting for it
   * (PostgreSQL pipelines it with what follows; SQLite runs it at once). Its failure fails the
   * next statement awaited in the transaction, or the commit. See `later`.
   */
  defer?(statement: Statement, params?: readonly Param[]): void;
}

/**
 * A write in a transaction that nothing waits on: deferred where `q` can (no round trip of its
 * own on PostgreSQL), else run and awaited. Only for writes that fail on a bug or a lost
 * connection, never on a rule (a unique key a caller may race for is awaited with `run`).
 */
export function later(q: Queryable, statement: Statement, params: readonly Param[] = []): Promise<unknown> | undefined {
  if (q.defer) {
    q.defer(statement, params);
    return undefined;
  }
  return q.run(statement, params);
}

/** A statement with its parameters, to be run later. */
export interface Read {
  statement: Statement;
  params: readonly Param[];
}

/** Runs `reads` one after the other on `q`: what readOffLoop does where no other thread reads. */
export async function readInTurn(q: Queryable, reads: readonly Read[]): Promise<unknown[][]> {
  const results: unknown[][] = [];
  for (const read of reads) results.push(await q.all(read.statement, read.params));
  return results;
}

/** The storage of the server: SQLite or PostgreSQL behind one query interface. */
export interface Store extends Queryable {
  /** Runs `work` in one read-write transaction; it commits when `work` resolves. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several reads against one consistent view of the data; writes nothing. */
  snapshot<T>(work: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs read-only statements in one consistent view where they cannot hold the event loop
   * (SQLite: a worker thread with its own connection; PostgreSQL: the pool); answers each one's rows.
   */
  readOffLoop(reads: readonly Read[]): Promise<unknown[][]>;
  /**
   * One short read-only statement that serves a request (a page of a listing), where it does
   * not take the event loop's time if the store can: SQLite's reader thread, which leaves the
   * main thread free for the rest of the request and for others; PostgreSQL's pool, as `all`.
   */
  readBrief(read: Read): Promise<unknown[]>;
  close(): Promise<void>;
}

/** Parameters as both drivers take them: booleans as 0/1, undefined as null. */
export function bind(params: readonly Param[]): Array<string | number | bigint | null> {
  return params.map((value) => (value === undefined ? null : typeof value === 'boolean' ? Number(value) : value));
}

/** Unique-constraint violations of both databases, for turning races into the right error. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errcode?: string; message?: string };
  return e?.code === '23505' || e?.errcode === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}
