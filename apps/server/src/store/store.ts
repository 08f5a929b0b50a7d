import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from './migrations/index.js';
import { migrate } from './migrator.js';
import { PostgresStore } from './postgres-store.js';
import type { Dialect, Queryable } from './sql.js';
import { SqliteStore } from './sqlite-store.js';

export type { Dialect, Queryable };

/** The storage of the server: SQLite or PostgreSQL behind one query interface. */
export interface Store extends Queryable {
  /** Runs `work` in one read-write transaction; it commits when `work` resolves. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several reads against one consistent view of the data; writes nothing. */
  snapshot<T>(work: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection string; when absent, SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** Opens the storage and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  let store: Store;
  if (options.databaseUrl) {
    store = new PostgresStore(options.databaseUrl);
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    store = new SqliteStore(join(options.dataDir, 'gameball.sqlite'));
  }
  try {
    await migrate(store, migrations);
  } catch (error) {
    await store.close().catch(() => {});
    throw new Error(`Migrating the database failed: ${(error as Error).message}`, { cause: error });
  }
  return store;
}
