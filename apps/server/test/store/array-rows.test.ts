import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/open-store.js';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { sql, type Store } from '../../src/store/sql.js';
import { returnArrays } from '../../src/store/sqlite-connection.js';
import { freshStorage, storages, type StorageLocation } from '../support/harness.js';

const TEXT = 'SELECT id, note, amount FROM array_probe WHERE id >= ? ORDER BY id';

/**
 * A statement defined with `sql(text, 'arrays')` answers each row as an array of its columns in
 * the order selected, on both storages, in or out of a transaction; the same text defined
 * without it still answers objects (the two are separate statements).
 */
describe.each(storages)('rows as arrays on %s', (kind) => {
  let location: StorageLocation;
  let store: Store;
  beforeAll(async () => {
    location = await freshStorage(kind);
    store = await openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir });
    await store.exec('CREATE TABLE array_probe (id INTEGER PRIMARY KEY, note TEXT, amount TEXT NOT NULL)');
    await store.transaction(async (tx) => {
      await tx.run(sql('INSERT INTO array_probe (id, note, amount) VALUES (?, ?, ?), (?, ?, ?)'), [1, 'one', '1.50', 2, null, '0.10']);
    });
  });
  afterAll(async () => {
    await store.close();
    await location.drop();
  });

  it('come back as arrays in the selected order, nulls included, in and out of a transaction', async () => {
    const expected = [
      [1, 'one', '1.50'],
      [2, null, '0.10'],
    ];
    expect(await store.all(sql(TEXT, 'arrays'), [0])).toEqual(expected);
    expect(await store.transaction((tx) => tx.all(sql(TEXT, 'arrays'), [2]))).toEqual([expected[1]]);
    expect(await store.get(sql(TEXT, 'arrays'), [2])).toEqual(expected[1]);
  });

  it('leave the same text defined for objects answering objects', async () => {
    expect(sql(TEXT, 'arrays')).not.toBe(sql(TEXT));
    await store.all(sql(TEXT, 'arrays'), [0]);
    expect(await store.all(sql(TEXT), [2])).toEqual([{ id: 2, note: null, amount: '0.10' }]);
  });
});

describe('rows as arrays on a Node without setReturnArrays', () => {
  it('takes each row object\'s values, in the order selected', () => {
    const db = new DatabaseSync(':memory:');
    db.exec("CREATE TABLE t (b TEXT, a INTEGER); INSERT INTO t VALUES ('x', 1), (NULL, 2)");
    const real = db.prepare('SELECT a, b FROM t ORDER BY a');
    // A statement as older Nodes have it: all and get, no setReturnArrays.
    const older = { all: real.all.bind(real), get: real.get.bind(real) } as unknown as StatementSync;
    returnArrays(older);
    expect(older.all()).toEqual([[1, 'x'], [2, null]]);
    expect(older.get()).toEqual([1, 'x']);
    db.close();
  });
});
