import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Statement } from './sql.js';

/**
 * The log size (4 KiB pages) at which a commit checkpoints it itself: far above what the reader
 * thread's rounds let it grow to (sqlite-checkpoints.ts), so only if that thread stopped
 * (SQLite's own default is 1,000).
 */
const BACKSTOP_CHECKPOINT_PAGES = 16_384;

/** The store's one writing connection to `file`, set up as sqlite-store.ts relies on. */
export function openConnection(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  // The reader thread checkpoints the log; a commit does it only if that thread falls far behind.
  db.exec(`PRAGMA wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = ON');
  // Statement journals (a statement's own undo inside a savepoint) in memory, not in a temp
  // file created, written and deleted for each such statement: +60-70% orders and cashback/s.
  db.exec('PRAGMA temp_store = MEMORY');
  return db;
}

/** Each statement prepared once on `db`, the first time it is asked for. */
export function preparedStatements(db: DatabaseSync): (statement: Statement) => StatementSync {
  const prepared = new Map<Statement, StatementSync>();
  return (statement) => {
    let found = prepared.get(statement);
    if (!found) {
      found = db.prepare(statement.sqlite);
      if (statement.arrays) returnArrays(found);
      prepared.set(statement, found);
    }
    return found;
  };
}

/**
 * Makes `prepared` answer rows as arrays: in the driver where it can (`setReturnArrays`, in
 * Node's docs since 24.0.0), else by taking each object's values, in the order selected.
 */
export function returnArrays(prepared: StatementSync): void {
  if (typeof prepared.setReturnArrays === 'function') {
    prepared.setReturnArrays(true);
    return;
  }
  type Row = Record<string, unknown> | undefined;
  const target = prepared as unknown as { all: (...params: unknown[]) => unknown[]; get: (...params: unknown[]) => unknown };
  const all = target.all.bind(prepared) as (...params: unknown[]) => Row[];
  const get = target.get.bind(prepared) as (...params: unknown[]) => Row;
  target.all = (...params) => all(...params).map((row) => Object.values(row!));
  target.get = (...params) => {
    const row = get(...params);
    return row === undefined ? undefined : Object.values(row);
  };
}
