import { sql, type Queryable, type Store } from './sql.js';

export interface Migration {
  /** Sorts in the order migrations apply; never renamed once released. */
  name: string;
  up(q: Queryable): Promise<void>;
}

const APPLIED = sql('SELECT name FROM schema_migrations');
const RECORD = sql('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
const TABLE_EXISTS = {
  sqlite: sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?"),
  postgres: sql('SELECT to_regclass(?) AS name'),
};
/** Databases made by the releases that migrated with Kysely list their migrations here. */
const KYSELY_APPLIED = sql('SELECT name FROM kysely_migration');

/**
 * Brings the schema up to date in one transaction. On PostgreSQL an advisory lock makes
 * server processes that start together migrate one after another.
 */
export async function migrate(store: Store, migrations: readonly Migration[]): Promise<string[]> {
  return store.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.exec('SELECT pg_advisory_xact_lock(4718201)');
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at text NOT NULL)');
    const done = new Set((await tx.all<{ name: string }>(APPLIED)).map((row) => row.name));
    const legacy = await tx.get<{ name: string | null }>(TABLE_EXISTS[tx.dialect], ['kysely_migration']);
    if (legacy?.name) {
      for (const { name } of await tx.all<{ name: string }>(KYSELY_APPLIED)) done.add(name);
    }
    const applied: string[] = [];
    for (const migration of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
      if (done.has(migration.name)) continue;
      await migration.up(tx);
      applied.push(migration.name);
    }
    // Record every known migration, including the ones Kysely had applied.
    const recorded = new Set((await tx.all<{ name: string }>(APPLIED)).map((row) => row.name));
    for (const name of [...done, ...applied]) {
      if (!recorded.has(name)) await tx.run(RECORD, [name, new Date().toISOString()]);
    }
    return applied;
  });
}
