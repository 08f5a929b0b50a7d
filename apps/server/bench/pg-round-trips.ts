/**
 * Counts what node-postgres sends: queries, and round trips (a query sent while the connection
 * had nothing in flight, so it waits for a whole trip to the database and back; queries written
 * behind one still in flight, in pipeline mode, share its trip). Patches `pg.Client` of the
 * process, for the benchmark's probe and for tests; never loaded by the server itself.
 */
import type pg from 'pg';

export interface PgCounts {
  queries: number;
  roundTrips: number;
  /** Writes to the connections' sockets, each a system call that wakes the database. */
  socketWrites: number;
}

interface ClientInternals {
  pipeline?: boolean;
  readyForQuery: boolean;
  _connected: boolean;
  _queryable: boolean;
  _activeQuery: unknown;
  _queryQueue: unknown[];
  _sentQueryQueue?: unknown[];
  _pulseQueryQueue(): void;
  connection?: { stream?: { _write?: (...args: unknown[]) => unknown; _writev?: (...args: unknown[]) => unknown } };
}

const patched = new WeakSet<object>();

/** Starts counting on every client of `pgModule` (the one the server imports); answers the live counts. */
export function countPgRoundTrips(pgModule: typeof pg): PgCounts {
  const counts: PgCounts = { queries: 0, roundTrips: 0, socketWrites: 0 };
  const proto = pgModule.Client.prototype as unknown as ClientInternals & { query(...args: unknown[]): unknown };
  if (patched.has(proto)) throw new Error('pg round trips are counted already in this process');
  patched.add(proto);
  const query = proto.query;
  const counted = new WeakSet<object>();
  proto.query = function (this: ClientInternals, ...args: unknown[]) {
    counts.queries++;
    countSocketWrites(this, counted, counts);
    return query.apply(this, args);
  };
  const pulse = proto._pulseQueryQueue;
  proto._pulseQueryQueue = function (this: ClientInternals) {
    if (this._queryQueue.length > 0 && this._connected && this._queryable) {
      const idle = this.pipeline ? !this._activeQuery && (this._sentQueryQueue?.length ?? 0) === 0 : this.readyForQuery === true;
      if (idle) counts.roundTrips++;
    }
    return pulse.call(this);
  };
  return counts;
}

/** Counts the writes of the client's socket (once per socket), where Node hands them to the system. */
function countSocketWrites(client: ClientInternals, counted: WeakSet<object>, counts: PgCounts): void {
  const stream = client.connection?.stream;
  if (!stream || counted.has(stream)) return;
  counted.add(stream);
  for (const method of ['_write', '_writev'] as const) {
    const original = stream[method];
    if (!original) continue;
    stream[method] = function (this: unknown, ...args: unknown[]) {
      counts.socketWrites++;
      return original.apply(this, args);
    };
  }
}
