/**
 * The body of the SQLite reader thread (sqlite-reader.ts), which does the database's slow work
 * away from the event loop:
 * - reads: its own connection, which only reads. Each request is a few statements run in one
 *   read transaction (one consistent view of what was committed; a lone statement is one by
 *   itself); the answer is their rows, or the error's message.
 * - checkpoints, when the main thread asks (sqlite-checkpoints.ts): the same connection copies
 *   the write-ahead log back into the database file (PASSIVE: it never waits for, nor blocks, a
 *   writer or a reader), so the main connection commits without doing that copy and its fsync.
 *   The answer is SQLite's `{ busy, log, checkpointed }`, counted in pages.
 * It imports nothing of the server, so it runs alike from dist/ and from the TypeScript sources.
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

type Value = string | number | bigint | null;

interface ReadRequest {
  text: string;
  params: Value[];
  arrays?: boolean;
}

type Request = { id: number; reads: ReadRequest[] } | { id: number; checkpoint: true };

const { file } = workerData as { file: string };

const db = new DatabaseSync(file);
db.exec('PRAGMA busy_timeout = 5000');
db.exec('PRAGMA query_only = ON');
const prepared = new Map<string, StatementSync>();
const preparedForArrays = new Map<string, StatementSync>();

/**
 * `text` prepared once. With `arrays`, its rows are arrays of the selected columns, in their
 * order: fewer values to copy to the main thread than objects, whose keys go along with each row.
 */
function statement(text: string, arrays: boolean): StatementSync {
  const cache = arrays ? preparedForArrays : prepared;
  let found = cache.get(text);
  if (!found) {
    found = db.prepare(text);
    if (arrays && typeof found.setReturnArrays === 'function') found.setReturnArrays(true);
    cache.set(text, found);
  }
  return found;
}

/**
 * The rows of one read; as arrays where the driver could not make them (Node before 24). The
 * same fallback as returnArrays in sqlite-connection.ts, which this thread cannot import (see above).
 */
function rowsOf({ text, params, arrays = false }: ReadRequest): unknown[] {
  const rows = statement(text, arrays).all(...params);
  return arrays && rows.length > 0 && !Array.isArray(rows[0]) ? rows.map((row) => Object.values(row as object)) : rows;
}

// On the reading connection: its reads are synchronous, so a checkpoint never runs beside one.
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');

parentPort!.on('message', (request: Request) => {
  try {
    if ('checkpoint' in request) {
      parentPort!.postMessage({ id: request.id, results: [[checkpoint.get()]] });
      return;
    }
    // Several reads share one read transaction; a lone statement is a consistent view by itself.
    const together = request.reads.length > 1;
    if (together) db.exec('BEGIN');
    try {
      parentPort!.postMessage({ id: request.id, results: request.reads.map(rowsOf) });
    } finally {
      if (together) db.exec('COMMIT');
    }
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});

