import type pg from 'pg';
import { bind, type Param, type Queryable, type Statement } from './sql.js';

/**
 * One transaction on a pipelining connection: nothing waits on BEGIN, writes sent with `defer`
 * are not waited on either, and COMMIT goes out behind the last of them, so the transaction
 * waits on the database only where the code needs an answer. PostgreSQL runs what was sent in
 * order; a deferred write that fails aborts the transaction, and its error (not the "current
 * transaction is aborted" of the statements behind it) is what the next awaited statement, or
 * the commit, throws.
 */
class PipelinedTransaction {
  readonly #client: pg.PoolClient;
  /** Deferred writes sent since the last awaited statement; they never reject. */
  #sent: Promise<void>[] = [];
  /** The first deferred write that failed and was not reported yet. */
  #failure: unknown;

  constructor(client: pg.PoolClient) {
    this.#client = client;
  }

  #send(statement: Statement, params: readonly Param[]) {
    return this.#client.query({ name: statement.name, text: statement.postgres, values: bind(params), ...(statement.arrays ? { rowMode: 'array' } : {}) });
  }

  /** Sends without waiting; a failure is kept for the next awaited statement. */
  track(query: Promise<unknown>): void {
    this.#sent.push(
      query.then(
        () => undefined,
        (error: unknown) => {
          this.#failure ??= error;
        },
      ),
    );
  }

  /** Waits for `query` and for the deferred writes sent before it; reports their failure first. */
  async wait<R>(query: Promise<R>): Promise<R> {
    const before = this.#sent;
    this.#sent = [];
    let value: R | undefined;
    let error: unknown;
    let failed = false;
    try {
      value = await query;
    } catch (e) {
      failed = true;
      error = e;
    }
    await Promise.all(before);
    if (this.#failure !== undefined) {
      const failure = this.#failure;
      this.#failure = undefined;
      throw failure;
    }
    if (failed) throw error;
    return value as R;
  }

  readonly queryable: Queryable = {
    dialect: 'postgres',
    all: async <T>(s: Statement, p: readonly Param[] = []) => (await this.wait(this.#send(s, p))).rows as T[],
    get: async <T>(s: Statement, p: readonly Param[] = []) => (await this.wait(this.#send(s, p))).rows[0] as T | undefined,
    run: async (s: Statement, p: readonly Param[] = []) => (await this.wait(this.#send(s, p))).rowCount ?? 0,
    exec: async (text: string) => {
      await this.wait(this.#client.query(text));
    },
    defer: (s: Statement, p: readonly Param[] = []) => this.track(this.#send(s, p)),
  };
}

/**
 * Runs `work` between `begin` and COMMIT on `client`; throws when anything in it failed (the
 * caller then rolls back). COMMIT of a transaction that a statement aborted answers ROLLBACK.
 */
export async function pipelinedTransaction<T>(client: pg.PoolClient, begin: string, work: (q: Queryable) => Promise<T>): Promise<T> {
  const tx = new PipelinedTransaction(client);
  tx.track(client.query(begin));
  const result = await work(tx.queryable);
  const commit = await tx.wait(client.query('COMMIT'));
  if (commit.command !== 'COMMIT') throw new Error(`the transaction ended with ${commit.command} instead of COMMIT`);
  return result;
}
