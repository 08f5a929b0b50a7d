import { sql, type Queryable } from '../../store/sql.js';
import type { LedgerUnit } from './lots.js';

/**
 * On PostgreSQL a ledger entry's id is known before its insert: the unit of work takes a few ids
 * of the ledger's sequence in its first round trip, sent right behind the statement that locks
 * the customer. Their inserts then need no answer and go out with what follows (a cashback
 * waits on the database twice, an order with a campaign's and a tier's rewards three times, not
 * once more per entry). Taken after the lock, the ids of one customer's entries still grow in
 * the order they were written.
 * SQLite assigns ids at once, so it reserves nothing.
 */
/** Ids per unit: an entry and two rewards (a campaign's and a tier's), or an entry and due expiries. */
export const IDS_PER_UNIT = 3;
/** Ids taken at once when a unit has used up its reserved ones (an order with several rewards). */
const MORE_IDS = 4;
/** A bound on one reservation; the largest asked is IDS_PER_UNIT + 1 (a new customer's unit, with its sign-up reward). */
const MOST_IDS = 8;

// The sequence by its name (migration 0015 names it too), resolved once when the statement is
// prepared; pg_get_serial_sequence would search the catalog again for every id it hands out.
// The count is a LIMIT on a fixed series, not the series' end: PostgreSQL then keeps one generic
// plan for the prepared statement, where generate_series(1, $1) made it plan again each time
// (its custom plans look cheaper than a generic one sized for 1,000 rows). Ids are drawn only
// for the rows the LIMIT lets through.
const RESERVE = sql(`SELECT nextval('ledger_entries_id_seq') AS id FROM generate_series(1, ${MOST_IDS}) LIMIT ?`);

function reserve(q: Queryable, count: number): Promise<number[]> {
  if (!Number.isInteger(count) || count < 1 || count > MOST_IDS) throw new Error(`a reservation takes 1 to ${MOST_IDS} ledger ids, not ${count}`);
  return q.all<{ id: number }>(RESERVE, [count]).then((rows) => rows.map((row) => Number(row.id)));
}

/** Sends the reservation on PostgreSQL (nothing on SQLite); call it right after the lock, without awaiting in between. */
export function reserveLedgerIds(q: Queryable, count = IDS_PER_UNIT): Promise<number[]> | undefined {
  return q.dialect === 'postgres' ? reserve(q, count) : undefined;
}

/**
 * The id of the unit's next entry on PostgreSQL: a reserved one, or (when none is left, or the
 * first round trip could not reserve under the lock) a few more taken now, under the lock the
 * unit holds. Undefined on SQLite, where the insert answers the id.
 */
export async function nextLedgerId(u: LedgerUnit): Promise<number | undefined> {
  if (u.q.dialect !== 'postgres') return undefined;
  if (!u.reservedIds?.length) u.reservedIds = await reserve(u.q, MORE_IDS);
  return u.reservedIds.shift();
}
