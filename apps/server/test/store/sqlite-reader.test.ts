import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/store/sql.js';
import { SqliteReader } from '../../src/store/sqlite-reader.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';

const INSERT = sql('INSERT INTO notes (id, text) VALUES (?, ?)');
const COUNT = sql('SELECT count(*) AS n FROM notes');
const TEXTS = sql('SELECT text FROM notes WHERE id >= ? ORDER BY id');
const BROKEN = sql('SELECT missing FROM nowhere');
const PAGE = sql('SELECT id, text FROM notes WHERE id > ? ORDER BY id', 'arrays');

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

  it('reads a page briefly on the thread, as arrays when asked, while a writer holds the connection', async () => {
    expect(await store.readBrief({ statement: PAGE, params: [0] })).toEqual([[1, 'one'], [2, 'two']]);
    const during = await store.transaction(async (tx) => {
      await tx.run(INSERT, [3, 'three']);
      // The main connection is this transaction's until it commits: only the thread can answer now.
      return store.readBrief({ statement: PAGE, params: [1] });
    });
    expect(during).toEqual([[2, 'two']]);
    expect(await store.readBrief({ statement: TEXTS, params: [3] })).toEqual([{ text: 'three' }]);
    await store.run(sql('DELETE FROM notes WHERE id = 3'));
  });

  it('fails one read with its error and goes on reading, and never writes', async () => {
    await expect(store.readOffLoop([{ statement: BROKEN, params: [] }])).rejects.toThrow(/no such table: nowhere/);
    await expect(store.readOffLoop([{ statement: INSERT, params: [9, 'nine'] }])).rejects.toThrow(/readonly|read-only|query_only/i);
    const reads = await Promise.all(Array.from({ length: 20 }, (_, i) => store.readOffLoop([{ statement: TEXTS, params: [i % 3] }])));
    expect(reads.every(([rows]) => rows!.length >= 1)).toBe(true);
    expect(await store.all(COUNT)).toEqual([{ n: 2 }]);
  });

  it('copies committed writes from the log into the database file on its own thread, not in a commit', async () => {
    const file = join(dir, 'reader.sqlite');
    const PAD = sql('INSERT INTO notes (id, text) VALUES (?, ?)');
    const before = statSync(file).size;
    // About 2 MB in 500 pages: well below the backstop at which a commit would copy them itself.
    await store.transaction(async (tx) => {
      for (let i = 0; i < 500; i++) await tx.run(PAD, [100 + i, 'x'.repeat(4_000)]);
    });
    await expect.poll(() => statSync(file).size, { timeout: 5_000, interval: 50 }).toBeGreaterThan(before + 2_000_000);
    expect(await store.get(COUNT)).toEqual({ n: 502 });
  });
});

describe('SQLite write-ahead log under steady writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gameball-log-'));
  const file = join(dir, 'log.sqlite');
  // A round every 10 ms; once the log passes 64 pages, a round copies it whole with the writers held.
  const store = new SqliteStore(file, { checkpoints: { everyMs: 10, restartAfterPages: 64 } });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  /** The log's checkpoint sequence (bytes 12-15 of its header): one more each time it starts over. */
  const restarts = () => {
    const header = Buffer.alloc(16);
    const fd = openSync(`${file}-wal`, 'r');
    try {
      readSync(fd, header, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
    return header.readUInt32BE(12);
  };

  it('starts over while commits follow each other with checkpoint rounds beside them, and no write is lost', async () => {
    await store.exec('CREATE TABLE notes (id integer PRIMARY KEY, text text NOT NULL)');
    const INSERT = sql('INSERT INTO notes (id, text) VALUES (?, ?)');
    const before = restarts();
    // Commits back to back until the log has started over 10 times, for at most 5 s, while
    // rounds hold the writers off every 10 ms: no write is lost or stuck behind a round. (Whether
    // the log would also start over without the held rounds depends on timing: see
    // sqlite-checkpoints.test.ts for the rounds themselves.)
    let id = 0;
    const until = Date.now() + 5_000;
    while (Date.now() < until && restarts() - before < 10) {
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all(
        Array.from({ length: 2 }, () =>
          store.transaction(async (tx) => {
            for (let i = 0; i < 5; i++) await tx.run(INSERT, [++id, 'x'.repeat(200)]);
          }),
        ),
      );
    }
    expect(await store.get(sql('SELECT count(*) AS n FROM notes'))).toEqual({ n: id });
    expect(restarts() - before).toBeGreaterThanOrEqual(10);
  });
});

describe('SQLite reads while the reader thread is down', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gameball-down-'));
  const failing = new URL('./fixtures/failing-reader-thread.mjs', import.meta.url);
  const warnings: string[] = [];
  const onWarning = (warning: Error & { code?: string }) => {
    if (warning.code === 'GAMEBALL_SQLITE_READER') warnings.push(warning.message);
  };
  process.on('warning', onWarning);
  const store = new SqliteStore(join(dir, 'down.sqlite'), { checkpoints: { everyMs: 20, restartAfterPages: 64 }, readerScript: failing });
  afterAll(async () => {
    process.off('warning', onWarning);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from the main connection, says so once, and does not restart the thread in a loop', async () => {
    await store.exec('CREATE TABLE notes (id integer PRIMARY KEY, text text NOT NULL)');
    await store.transaction((tx) => tx.run(INSERT, [1, 'one']));
    await expect.poll(() => warnings.length, { timeout: 5_000 }).toBe(1);
    expect(warnings[0]).toMatch(/reader thread stopped \(this reader thread cannot start\)/);
    // 25 checkpoint rounds and 20 reads in the next 0.5 s: each is refused at once, none starts a thread.
    for (let i = 0; i < 20; i++) {
      expect(await store.readOffLoop([{ statement: COUNT, params: [] }, { statement: TEXTS, params: [0] }])).toEqual([[{ n: 1 }], [{ text: 'one' }]]);
      expect(await store.readBrief({ statement: PAGE, params: [0] })).toEqual([[1, 'one']]);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(warnings).toHaveLength(1);
  });
});

describe('closing the SQLite store while the reader thread has work', () => {
  it('fails the reads it had not answered instead of leaving them waiting, and closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gameball-close-'));
    const silent = new URL('./fixtures/silent-reader-thread.mjs', import.meta.url);
    const store = new SqliteStore(join(dir, 'close.sqlite'), { checkpoints: { everyMs: 10, restartAfterPages: 64 }, readerScript: silent });
    try {
      await store.exec('CREATE TABLE notes (id integer PRIMARY KEY, text text NOT NULL)');
      const pending = store.readOffLoop([{ statement: COUNT, params: [] }]);
      // The checkpoint rounds wait on the silent thread too: close() must not wait for them forever.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const closing = store.close();
      await expect(pending).rejects.toThrow(/closed/);
      await closing;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what a held checkpoint may wait behind', () => {
  it('counts the thread idle while only brief reads wait for it, and busy while any other request does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gameball-idle-'));
    // A thread that never answers: what was sent stays waiting.
    const reader = new SqliteReader(join(dir, 'idle.sqlite'), new URL('./fixtures/silent-reader-thread.mjs', import.meta.url));
    const asked: Array<Promise<unknown>> = [];
    const ask = (brief: boolean) => asked.push(reader.read([{ statement: COUNT, params: [] }], brief).catch(() => undefined));
    try {
      expect(reader.idle()).toBe(true);
      for (let i = 0; i < 5; i++) ask(true);
      expect(reader.idle()).toBe(true);
      ask(false);
      expect(reader.idle()).toBe(false);
    } finally {
      await reader.close();
      await Promise.all(asked);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
