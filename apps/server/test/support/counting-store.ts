import type { Queryable, Statement, Store } from '../../src/store/sql.js';

/** A store that counts the statements it runs, inside transactions or not (BEGIN/COMMIT not counted). */
export function countingStore(store: Store): Store & { statements: string[] } {
  const statements: string[] = [];
  const counted = (q: Queryable): Queryable => ({
    dialect: q.dialect,
    all: (s: Statement, p) => (statements.push(s.sqlite), q.all(s, p)),
    get: (s: Statement, p) => (statements.push(s.sqlite), q.get(s, p)),
    run: (s: Statement, p) => (statements.push(s.sqlite), q.run(s, p)),
    exec: (text) => q.exec(text),
  });
  return {
    ...counted(store),
    statements,
    transaction: (work) => store.transaction((tx) => work(counted(tx))),
    snapshot: (work) => store.snapshot((q) => work(counted(q))),
    close: () => store.close(),
  };
}
