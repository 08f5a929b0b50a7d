import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { migrations } from './migrations.js';
import type { Database } from './schema.js';
import { sqliteDialect } from './sqlite-dialect.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

/** The storage of the server: one typed query layer over SQLite or PostgreSQL. */
export interface Store {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection string; when absent, SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** Opens the storage and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const dialect: Dialect = options.databaseUrl ? 'postgres' : 'sqlite';
  const db = new Kysely<Database>({
    dialect: options.databaseUrl ? postgresDialect(options.databaseUrl) : sqliteFile(options.dataDir),
  });
  const migrator = new Migrator({ db, provider: migrations(dialect) });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw new Error(`Migrating the database failed: ${(error as Error).message}`, { cause: error });
  }
  return { db, dialect, close: () => db.destroy() };
}

function sqliteFile(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  return sqliteDialect(join(dataDir, 'gameball.sqlite'));
}

function postgresDialect(connectionString: string) {
  // COUNT and SUM answer int8, which pg returns as a string; our counts fit a double.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection that the server drops (restart, failover) is discarded by the pool and
  // replaced on next use; without this listener its error would end the process.
  pool.on('error', () => {});
  return new PostgresDialect({ pool });
}

/** Unique-constraint violations of both databases, for turning races into the right error. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errcode?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.errcode === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}
