/**
 * The body of the SQLite reader thread (sqlite-reader.ts), which does the database's slow work
 * away from the event loop:
 * - reads: its own connection, which only reads. Each request is a few statements run in one
 *   read transaction (one consistent view of what was committed); the answer is their rows, or
 *   the error's message.
 * - checkpoints: the same connection copies the write-ahead log back into the database file
 *   every `checkpointEveryMs` (PASSIVE: it never waits for, nor blocks, a writer or a reader).
 *   The main connection then commits without doing that copy and its fsync itself.
 * It imports nothing of the server, so it runs alike from dist/ and from the TypeScript sources.
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

type Value = string | number | bigint | null;

interface ReadRequest {
  id: number;
  reads: Array<{ text: string; params: Value[] }>;
}

const { file, checkpointEveryMs } = workerData as { file: string; checkpointEveryMs: number };

const db = new DatabaseSync(file);
db.exec('PRAGMA busy_timeout = 5000');
db.exec('PRAGMA query_only = ON');
const prepared = new Map<string, StatementSync>();

function statement(text: string): StatementSync {
  let found = prepared.get(text);
  if (!found) {
    found = db.prepare(text);
    prepared.set(text, found);
  }
  return found;
}

parentPort!.on('message', (request: ReadRequest) => {
  try {
    db.exec('BEGIN');
    try {
      const results = request.reads.map(({ text, params }) => statement(text).all(...params));
      parentPort!.postMessage({ id: request.id, results });
    } finally {
      db.exec('COMMIT');
    }
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});

// On the reading connection: its reads are synchronous, so a checkpoint never runs beside one.
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
setInterval(() => {
  try {
    checkpoint.get();
  } catch {
    // The next round tries again; the main connection's own (rare) checkpoints bound the log meanwhile.
  }
}, checkpointEveryMs);
