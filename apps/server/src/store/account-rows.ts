import { sql, type Queryable, type Statement } from './sql.js';

/**
 * Which rows of the database belong to one account, found from the database itself (its tables,
 * their columns and foreign keys), so a table added by a later migration is covered without a
 * list to keep up to date. A row belongs to an account by its `account_id`, or through a parent
 * row that does (PARENT_COLUMNS); a table with neither must be named in GLOBAL_TABLES.
 */

/** Tables that hold no account's rows: the migrations applied and SQLite's autoincrement counters. */
export const GLOBAL_TABLES: readonly string[] = ['schema_migrations', 'sqlite_sequence'];

/** Columns that tie a row to the `id` of a parent row, and the parent's table. */
const PARENT_COLUMNS: Readonly<Record<string, string>> = {
  customer_pk: 'customers',
  entry_id: 'ledger_entries',
  lot_id: 'lots',
  job_id: 'batch_jobs',
};

const SQLITE_COLUMNS = sql(
  `SELECT m.name AS table_name, c.name AS column_name
   FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table'`,
);
const SQLITE_REFERENCES = sql(
  `SELECT m.name AS table_name, f."table" AS referenced
   FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`,
);
const POSTGRES_COLUMNS = sql(
  `SELECT c.table_name, c.column_name FROM information_schema.columns c
   JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
   WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`,
);
const POSTGRES_REFERENCES = sql(
  `SELECT DISTINCT rel.relname AS table_name, ref.relname AS referenced
   FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_class ref ON ref.oid = con.confrelid
   WHERE con.contype = 'f' AND con.connamespace = current_schema()::regnamespace`,
);

/** One table's share of an account: the statement deleting it, taking the account's id once. */
export interface AccountTable {
  table: string;
  /** SQL condition on the table's rows with one `?`, the account's id. */
  owned: string;
  delete: Statement;
}

export interface AccountRows {
  /** Every table holding account rows, in an order the foreign keys accept for deleting (children first). */
  tables: AccountTable[];
  /** Tables neither tied to an account nor in GLOBAL_TABLES: a reset would miss their rows. */
  uncovered: string[];
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Reads the schema and answers how to find (and delete) one account's rows in every table. */
export async function accountRows(q: Queryable): Promise<AccountRows> {
  const sqlite = q.dialect === 'sqlite';
  const columnRows = await q.all<{ table_name: string; column_name: string }>(sqlite ? SQLITE_COLUMNS : POSTGRES_COLUMNS);
  const referenceRows = await q.all<{ table_name: string; referenced: string }>(sqlite ? SQLITE_REFERENCES : POSTGRES_REFERENCES);
  const columns = new Map<string, Set<string>>();
  for (const row of columnRows) {
    const set = columns.get(row.table_name) ?? new Set<string>();
    set.add(row.column_name);
    columns.set(row.table_name, set);
  }
  const owned = new Map<string, string>();
  const uncovered: string[] = [];
  for (const table of [...columns.keys()].sort()) {
    if (GLOBAL_TABLES.includes(table)) continue;
    const condition = ownership(table, columns, new Set());
    if (condition) owned.set(table, condition);
    else uncovered.push(table);
  }
  // A row found through a parent is deleted before the parent, foreign key or not.
  const parents = [...columns].flatMap(([table, set]) =>
    Object.entries(PARENT_COLUMNS).filter(([column]) => set.has(column)).map(([, referenced]) => ({ table_name: table, referenced })),
  );
  const tables = deletionOrder(owned, [...referenceRows, ...parents]).map((table) => ({
    table,
    owned: owned.get(table)!,
    delete: sql(`DELETE FROM ${quoted(table)} WHERE ${owned.get(table)!}`),
  }));
  return { tables, uncovered };
}

/** The condition selecting the account's rows of `table`, directly or through its parents; undefined when there is none. */
function ownership(table: string, columns: Map<string, Set<string>>, seen: Set<string>): string | undefined {
  const own = columns.get(table);
  if (!own) return undefined;
  if (own.has('account_id')) return 'account_id = ?';
  for (const [column, parent] of Object.entries(PARENT_COLUMNS)) {
    if (!own.has(column) || parent === table || seen.has(parent)) continue;
    const through = ownership(parent, columns, new Set([...seen, table]));
    if (through) return `${column} IN (SELECT id FROM ${quoted(parent)} WHERE ${through})`;
  }
  return undefined;
}

/** Children before the parents they reference (a table's references to itself aside); by name otherwise. */
function deletionOrder(owned: Map<string, string>, references: readonly { table_name: string; referenced: string }[]): string[] {
  const waiting = new Set([...owned.keys()].sort());
  const order: string[] = [];
  while (waiting.size > 0) {
    const referencedByWaiting = (table: string) =>
      references.some((r) => r.referenced === table && r.table_name !== table && waiting.has(r.table_name));
    const next = [...waiting].find((table) => !referencedByWaiting(table)) ?? [...waiting][0]!;
    order.push(next);
    waiting.delete(next);
  }
  return order;
}
