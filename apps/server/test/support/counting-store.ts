import { afterAll, beforeAll } from 'vitest';
import type { Queryable, Statement, Store } from '../../src/store/sql.js';
import { freshStorage, startServer, type StorageKind, type StorageLocation, type TestServer } from './harness.js';

/** A store that counts the statements it runs, inside transactions or not (BEGIN/COMMIT not counted). */
export function countingStore(store: Store): Store & { statements: string[] } {
  const statements: string[] = [];
  const counted = (q: Queryable): Queryable => ({
    dialect: q.dialect,
    all: (s: Statement, p) => (statements.push(s.sqlite), q.all(s, p)),
    get: (s: Statement, p) => (statements.push(s.sqlite), q.get(s, p)),
    run: (s: Statement, p) => (statements.push(s.sqlite), q.run(s, p)),
    exec: (text) => q.exec(text),
    ...(q.defer && { defer: (s: Statement, p) => (statements.push(s.sqlite), q.defer!(s, p)) }),
  });
  return {
    ...counted(store),
    statements,
    transaction: (work) => store.transaction((tx) => work(counted(tx))),
    snapshot: (work) => store.snapshot((q) => work(counted(q))),
    readOffLoop: (reads) => (statements.push(...reads.map((read) => read.statement.sqlite)), store.readOffLoop(reads)),
    readBrief: (read) => (statements.push(read.statement.sqlite), store.readBrief(read)),
    close: () => store.close(),
  };
}

/**
 * A test server (no sweeper, SQLite unless told) whose store counts statements, started before
 * the suite and stopped after it; call it at the top of a describe block.
 */
export function statementCountingServer(kind: StorageKind = 'sqlite') {
  let location: StorageLocation;
  let server: TestServer;
  let statements: string[] = [];
  beforeAll(async () => {
    location = await freshStorage(kind);
    server = await startServer(location, {
      sweepEveryMs: null,
      wrapStore: (store) => {
        const counting = countingStore(store);
        statements = counting.statements;
        return counting;
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await location.drop();
  });
  /** The statements `work` ran. */
  const statementsOf = async (work: () => Promise<unknown>): Promise<string[]> => {
    statements.length = 0;
    await work();
    return [...statements];
  };
  return {
    server: () => server,
    statementsOf,
    /** How many statements `work` ran. */
    count: async (work: () => Promise<unknown>): Promise<number> => (await statementsOf(work)).length,
  };
}
