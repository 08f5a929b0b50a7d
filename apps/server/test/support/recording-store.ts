import type { Queryable, Read, Store } from '../../src/store/sql.js';

/** A store that keeps each statement it runs with its parameters, to be explained afterwards. */
export function recordingStore(store: Store, ran: Read[]): Store {
  const recorded = (q: Queryable): Queryable => ({
    dialect: q.dialect,
    all: (s, p = []) => (ran.push({ statement: s, params: p }), q.all(s, p)),
    get: (s, p = []) => (ran.push({ statement: s, params: p }), q.get(s, p)),
    run: (s, p = []) => (ran.push({ statement: s, params: p }), q.run(s, p)),
    exec: (text) => q.exec(text),
    ...(q.defer && { defer: (s, p = []) => (ran.push({ statement: s, params: p }), q.defer!(s, p)) }),
  });
  return {
    ...recorded(store),
    transaction: (work) => store.transaction((tx) => work(recorded(tx))),
    snapshot: (work) => store.snapshot((q) => work(recorded(q))),
    readOffLoop: (reads) => (ran.push(...reads), store.readOffLoop(reads)),
    readBrief: (read) => (ran.push(read), store.readBrief(read)),
    close: () => store.close(),
  };
}
