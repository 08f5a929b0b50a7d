import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from './store/migrations/index.js';
import { migrate } from './store/migrator.js';
import { PostgresStore } from './store/postgres-store.js';
import type { Store } from './store/sql.js';
import { SqliteStore } from './store/sqlite-store.js';

export type { Dialect, Queryable, Store } from './store/sql.js';

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
