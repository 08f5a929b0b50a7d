import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/open-store.js';
import { joinedStore } from '../../src/store/joined-store.js';
import { isUniqueViolation, later, sql, type Store } from '../../src/store/sql.js';
import { freshStorage, storages, type StorageLocation } from '../support/harness.js';

const INSERT = sql('INSERT INTO deferred_probe (id, note) VALUES (?, ?)');
const COUNT = sql('SELECT count(*) AS n FROM deferred_probe');
const ONE = sql('SELECT note FROM deferred_probe WHERE id = ?');

/**
 * Writes sent with `later` (deferred on PostgreSQL's pipelining connections, run at once on
 * SQLite): a later read of the transaction sees them, and one that fails fails the transaction
 * with its own error (not "current transaction is aborted"), wherever it is noticed, and
 * nothing of the transaction is written.
 */
describe.each(storages)('deferred writes on %s', (kind) => {
  let location: StorageLocation;
  let store: Store;
  const rows = async () => Number((await store.get<{ n: number }>(COUNT))!.n);
  beforeAll(async () => {
    location = await freshStorage(kind);
    store = await openStore({ databaseUrl: location.databaseUrl, dataDir: location.dataDir });
    await store.exec('CREATE TABLE deferred_probe (id INTEGER PRIMARY KEY, note TEXT NOT NULL)');
    await store.transaction(async (tx) => void (await tx.run(INSERT, [1, 'first'])));
  });
  afterAll(async () => {
    await store.close();
    await location.drop();
  });

  it('are seen by the reads that follow them in the transaction, and commit', async () => {
    const note = await store.transaction(async (tx) => {
      await later(tx, INSERT, [2, 'second']);
      return (await tx.get<{ note: string }>(ONE, [2]))?.note;
    });
    expect(note).toBe('second');
    expect(await rows()).toBe(2);
  });

  it('fail the next awaited statement with their own error, and nothing commits', async () => {
    const failed = store.transaction(async (tx) => {
      await later(tx, INSERT, [3, 'third']);
      await later(tx, INSERT, [1, 'a duplicate key']);
      await tx.get(ONE, [3]);
    });
    await expect(failed).rejects.toSatisfy(isUniqueViolation);
    expect(await rows()).toBe(2);
  });

  it('fail the commit when nothing is awaited after them, and nothing commits', async () => {
    const failed = store.transaction(async (tx) => {
      await later(tx, INSERT, [4, 'fourth']);
      await later(tx, INSERT, [2, 'a duplicate key']);
    });
    await expect(failed).rejects.toSatisfy(isUniqueViolation);
    expect(await rows()).toBe(2);
    // The connection is clean again for the next transaction.
    await store.transaction(async (tx) => void (await later(tx, INSERT, [5, 'fifth'])));
    expect(await rows()).toBe(3);
  });

  // A batch item runs its use case in a savepoint of the worker's transaction (joinedStore): a
  // failure there, deferred or not, must undo that savepoint alone, with the work's own error,
  // and leave the outer transaction able to record the outcome and commit.
  it('in a savepoint: a failed one rolls back the savepoint alone, and the work\'s own error wins', async () => {
    const outcome = await store.transaction(async (tx) => {
      const joined = joinedStore(tx);
      const deferredOnly = joined.transaction(async (q) => {
        await later(q, INSERT, [6, 'sixth']);
        await later(q, INSERT, [1, 'a duplicate key']);
      });
      const deferredFirst = await deferredOnly.then(() => 'committed', (error: unknown) => (isUniqueViolation(error) ? 'duplicate' : String(error)));
      const ruleError = await joined
        .transaction(async (q) => {
          await later(q, INSERT, [7, 'seventh']);
          await later(q, INSERT, [1, 'a duplicate key']);
          throw new Error('refused by a rule');
        })
        .then(() => 'committed', (error: unknown) => (isUniqueViolation(error) ? 'duplicate' : (error as Error).message));
      await tx.run(INSERT, [8, 'the outcome']);
      return { deferredFirst, ruleError };
    });
    // SQLite runs a `later` write at once, so the work stops at the duplicate; on PostgreSQL the
    // work runs on to its own refusal, which is what the caller must see.
    expect(outcome).toEqual({ deferredFirst: 'duplicate', ruleError: kind === 'postgres' ? 'refused by a rule' : 'duplicate' });
    expect(await store.get<{ note: string }>(ONE, [8])).toEqual({ note: 'the outcome' });
    expect(await store.get(ONE, [6])).toBeUndefined();
    expect(await store.get(ONE, [7])).toBeUndefined();
    expect(await rows()).toBe(4);
  });
});
