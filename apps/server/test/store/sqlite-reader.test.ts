import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/store/sql.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';

const INSERT = sql('INSERT INTO notes (id, text) VALUES (?, ?)');
const COUNT = sql('SELECT count(*) AS n FROM notes');
const TEXTS = sql('SELECT text FROM notes WHERE id >= ? ORDER BY id');
const BROKEN = sql('SELECT missing FROM nowhere');

/** Reads off the event loop: a thread with its own connection that only reads what was committed. */
describe('SQLite reads off the event loop', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gameball-reader-'));
  const store = new SqliteStore(join(dir, 'reader.sqlite'));
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sees every committed write, never an open transaction\'s, and waits for no writer', async () => {
    await store.exec('CREATE TABLE notes (id integer PRIMARY KEY, text text NOT NULL)');
    await store.transaction((tx) => tx.run(INSERT, [1, 'one']));
    expect(await store.readOffLoop([{ statement: COUNT, params: [] }, { statement: TEXTS, params: [0] }])).toEqual([[{ n: 1 }], [{ text: 'one' }]]);
    // Read while a transaction has written but not committed: the read answers at once, without its row.
    const during = await store.transaction(async (tx) => {
      await tx.run(INSERT, [2, 'two']);
      return store.readOffLoop([{ statement: COUNT, params: [] }]);
    });
    expect(during).toEqual([[{ n: 1 }]]);
    expect(await store.readOffLoop([{ statement: COUNT, params: [] }])).toEqual([[{ n: 2 }]]);
  });

  it('fails one read with its error and goes on reading, and never writes', async () => {
    await expect(store.readOffLoop([{ statement: BROKEN, params: [] }])).rejects.toThrow(/no such table: nowhere/);
    await expect(store.readOffLoop([{ statement: INSERT, params: [9, 'nine'] }])).rejects.toThrow(/readonly|read-only|query_only/i);
    const reads = await Promise.all(Array.from({ length: 20 }, (_, i) => store.readOffLoop([{ statement: TEXTS, params: [i % 3] }])));
    expect(reads.every(([rows]) => rows!.length >= 1)).toBe(true);
    expect(await store.all(COUNT)).toEqual([{ n: 2 }]);
  });
});
