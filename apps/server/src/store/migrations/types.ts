import type { Dialect } from '../sql.js';

/** An auto-numbered integer primary key. */
export function serialKey(dialect: Dialect): string {
  return dialect === 'postgres' ? 'serial PRIMARY KEY' : 'integer PRIMARY KEY AUTOINCREMENT';
}

/** A 64-bit integer column (SQLite integers are 64-bit already). */
export function bigint(dialect: Dialect): string {
  return dialect === 'postgres' ? 'bigint' : 'integer';
}
