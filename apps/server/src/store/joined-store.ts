import { readInTurn, sql, type Queryable, type Read, type Store } from './sql.js';

const SAVEPOINT = sql('SAVEPOINT joined');
const RELEASE = sql('RELEASE joined');
const ROLLBACK_TO = sql('ROLLBACK TO joined');

/**
 * A Store that runs everything inside one transaction that is already open (`tx`): its reads
 * see that transaction's own writes, and each `transaction(work)` is a savepoint in it, which a
 * failing `work` rolls back alone. Nothing commits until the owner of `tx` commits, so code
 * written against a Store (a use case that opens its own transactions) can be made part of a
 * larger transaction without knowing it: a batch item is applied and marked done in one commit.
 * Savepoints nest (each ROLLBACK TO and RELEASE reach the most recent one of the name).
 */
export function joinedStore(tx: Queryable): Store {
  const inSavepoint = async <T>(work: (q: Queryable) => Promise<T>): Promise<T> => {
    await tx.run(SAVEPOINT);
    try {
      const result = await work(tx);
      // A write the work deferred (PostgreSQL) reports its failure here at the latest.
      await tx.run(RELEASE);
      return result;
    } catch (error) {
      // Back to before the work, whatever failed. A deferred write's failure may be reported by
      // the first ROLLBACK TO instead; the rollback undoes that write too, so a second one
      // (harmless when the first ran) settles it, and the work's own error is the one thrown.
      await tx.run(ROLLBACK_TO).catch(() => tx.run(ROLLBACK_TO));
      await tx.run(RELEASE);
      throw error;
    }
  };
  return {
    dialect: tx.dialect,
    all: (statement, params) => tx.all(statement, params),
    get: (statement, params) => tx.get(statement, params),
    run: (statement, params) => tx.run(statement, params),
    exec: (text) => tx.exec(text),
    transaction: inSavepoint,
    // The open transaction is one consistent view already, and it holds the connection.
    snapshot: (work) => work(tx),
    readOffLoop: (reads: readonly Read[]) => readInTurn(tx, reads),
    readBrief: (read: Read) => tx.all(read.statement, read.params),
    close: () => Promise.reject(new Error('a joined store belongs to the transaction it runs in; close the store that opened it')),
  };
}
