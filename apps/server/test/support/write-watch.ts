import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sql } from '../../src/store/sql.js';
import type { Store } from '../../src/open-store.js';
import type { StorageLocation } from './harness.js';

/**
 * Tells whether anything was written to a server's storage between two marks, so a test can
 * prove that a refused request wrote nothing. A mark is a digest of every row of every table
 * of the schema, listed from the catalogue, so a table added later is covered too. On SQLite a
 * read-only connection of its own takes it, and only when `PRAGMA data_version` moved (another
 * connection committed): cheap enough to mark around every request. A commit that changed
 * pages but no rows (a savepoint rolled back inside a group commit) is not a write. On
 * PostgreSQL the rows are read again only when the server's transaction snapshot moved.
 */
export interface WriteWatch {
  mark(): Promise<string>;
  close(): void;
}

const SQLITE_TABLES = sql("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
const SNAPSHOT = sql('SELECT pg_current_snapshot()::text AS snapshot');
const POSTGRES_TABLES = sql('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name');

/** A digest of every row of every table (both storages; slow, for a run's start and end). */
export async function wholeStoreDigest(store: Store): Promise<{ hash: string; rows: number }> {
  const tables = await store.all<{ name: string }>(store.dialect === 'sqlite' ? SQLITE_TABLES : POSTGRES_TABLES);
  const hash = createHash('sha256');
  let rows = 0;
  for (const { name } of tables) {
    const all = await store.all<Record<string, unknown>>(sql(`SELECT * FROM ${name}`));
    rows += all.length;
    const lines = all.map((row) => JSON.stringify(Object.entries(row).sort(), (_, v) => (typeof v === 'bigint' ? String(v) : v))).sort();
    hash.update(`${name}:${lines.join('\n')}`);
  }
  return { hash: hash.digest('hex'), rows };
}

export function writeWatch(location: StorageLocation, store: Store): WriteWatch {
  if (location.kind === 'postgres') {
    // The snapshot (xmin:xmax:running xids) stays the same while no transaction that writes
    // starts or ends anywhere on the server; only when it moved are the rows read again.
    let last: { snapshot: string; digest: string } | undefined;
    return {
      mark: async () => {
        const { snapshot } = (await store.get<{ snapshot: string }>(SNAPSHOT))!;
        if (last?.snapshot !== snapshot) last = { snapshot, digest: (await wholeStoreDigest(store)).hash };
        return last.digest;
      },
      close: () => {},
    };
  }
  const db = new DatabaseSync(join(location.dataDir, 'gameball.sqlite'), { readOnly: true });
  const version = db.prepare('PRAGMA data_version');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  let last: { version: unknown; digest: string } | undefined;
  const digest = () => {
    const hash = createHash('sha256');
    for (const { name } of tables.all() as Array<{ name: string }>) {
      hash.update(name);
      for (const row of db.prepare(`SELECT * FROM "${name}"`).all()) hash.update(JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? String(v) : v)));
    }
    return hash.digest('hex');
  };
  return {
    mark: async () => {
      const now = (version.get() as { data_version: number }).data_version;
      if (last?.version !== now) last = { version: now, digest: digest() };
      return last.digest;
    },
    close: () => db.close(),
  };
}
