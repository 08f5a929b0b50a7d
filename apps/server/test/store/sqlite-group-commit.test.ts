import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/store/sql.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';

const INSERT = sql('INSERT INTO notes (id, text) VALUES (?, ?)');
const COUNT = sql('SELECT count(*) AS n FROM notes');

describe('SQLite group commit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gameball-group-'));
  const file = join(dir, 'group.sqlite');
  const store = new SqliteStore(file);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits the transactions that queued together, rolls back only the ones that failed, and answers after the commit', async () => {
    await store.exec('CREATE TABLE notes (id integer PRIMARY KEY, text text NOT NULL)');
    // Another connection, as another process would see the file.
    const outside = new DatabaseSync(file);
    const seenOutside = (id: number) => outside.prepare('SELECT count(*) AS n FROM notes WHERE id = ?').get(id)!.n;
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, id) =>
        store.transaction(async (tx) => {
          await tx.run(INSERT, [id, `note ${id}`]);
          if (id % 7 === 3) throw new Error(`refused ${id}`); // after writing: its row must vanish
          if (id % 11 === 5) await tx.run(INSERT, [id, 'duplicate key']); // a constraint error mid-way
          return id;
        }).then((value) => ({ value, visible: seenOutside(id) })),
      ),
    );
    const failed = (id: number) => id % 7 === 3 || id % 11 === 5;
    results.forEach((result, id) => {
      if (failed(id)) expect(result.status, `transaction ${id}`).toBe('rejected');
      else expect(result).toEqual({ status: 'fulfilled', value: { value: id, visible: 1 } });
    });
    const committed = Array.from({ length: 60 }, (_, id) => id).filter((id) => !failed(id));
    expect((await store.get<{ n: number }>(COUNT))!.n).toBe(committed.length);
    expect(outside.prepare('SELECT id FROM notes ORDER BY id').all().map((row) => row.id)).toEqual(committed);
    outside.close();
    // The units' statement journals stay in memory (2), not in a temp file per statement.
    expect(await store.get(sql('PRAGMA temp_store'))).toEqual({ temp_store: 2 });
  });

  it('lets the event loop turn between parts of a long group, and still commits every unit once', async () => {
    await store.exec('CREATE TABLE slow (id integer PRIMARY KEY)');
    const SLOW = sql('INSERT INTO slow (id) VALUES (?)');
    let loopTurned = false;
    const sawTurn: boolean[] = [];
    const units = Array.from({ length: 30 }, (_, id) =>
      store.transaction(async (tx) => {
        sawTurn[id] = loopTurned;
        const until = performance.now() + 2; // 2 ms of synchronous work, as a heavy unit does
        while (performance.now() < until);
        await tx.run(SLOW, [id]);
        return id;
      }),
    );
    // Queued behind the group's start: it runs only when the group lets the loop turn.
    setImmediate(() => setImmediate(() => (loopTurned = true)));
    expect(await Promise.all(units)).toEqual(Array.from({ length: 30 }, (_, id) => id));
    expect(sawTurn[0]).toBe(false);
    expect(sawTurn[29]).toBe(true);
    expect((await store.get<{ n: number }>(sql('SELECT count(*) AS n FROM slow')))!.n).toBe(30);
  });
});
