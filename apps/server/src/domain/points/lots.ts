import type { LotRow } from '../../store/schema.js';
import { later, sql, type Queryable, type Statement } from '../../store/sql.js';
import { NEVER } from './entry-types.js';
import { noteDue, type WalletState } from './wallet.js';

/** What the lot functions work on: a transaction holding the customer's lock, the wallet, the instant. */
export interface LedgerUnit {
  q: Queryable;
  wallet: WalletState;
  now: string;
  /** PostgreSQL: ids of the ledger's sequence reserved under the customer's lock, for the next entries (ledger-ids.ts). */
  reservedIds?: number[];
  /** Reads the use case sent right behind the customer's lock, by name (Unit.alongside). */
  readonly alongside?: ReadonlyMap<string, Promise<unknown>>;
}

/** Lots are read in pages: a first small one, as most spends take from one or two lots, then larger ones. */
const FIRST_PAGE = 2;
const PAGE = 32;

const INSERT = sql(
  'INSERT INTO lots (customer_pk, entry_id, remaining, activates_at, activated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
);
/**
 * SQL of a customer's active lots with points left, first-expiring first: the customer by
 * `customerPk` (an SQL expression), narrowed by `andWhen` (time filters, or none), `limit` rows.
 * `remaining > 0` is written out literally so SQLite can use the partial index lots_spendable.
 */
function lotsWithPoints(customerPk: string, andWhen: string, limit: string): string {
  return `SELECT * FROM lots WHERE customer_pk = ${customerPk} AND remaining > 0 AND activated_at IS NOT NULL${andWhen}
   ORDER BY expires_at, entry_id LIMIT ${limit}`;
}
const SPENDABLE = sql(lotsWithPoints('?', ' AND expires_at > ? AND activated_at <= ?', '?'));
const BY_ENTRY = sql('SELECT * FROM lots WHERE entry_id = ?');
const ADD_REMAINING = sql('UPDATE lots SET remaining = remaining + ? WHERE id = ?');
const ACTIVATE = sql('UPDATE lots SET activated_at = ?, expires_at = ? WHERE id = ?');
const ALLOCATE = sql('INSERT INTO lot_allocations (entry_id, lot_id, points) VALUES (?, ?, ?)');
const ALLOCATIONS = sql(
  `SELECT a.id, a.points, l.id AS lot_id, l.expires_at FROM lot_allocations a JOIN lots l ON l.id = a.lot_id
   WHERE a.entry_id = ? AND a.points > 0 ORDER BY a.id DESC`,
);
const DUE_ACTIVATIONS = sql(
  'SELECT * FROM lots WHERE customer_pk = ? AND activated_at IS NULL AND activates_at <= ? ORDER BY activates_at, entry_id',
);
const DUE_EXPIRIES = sql(
  `SELECT * FROM lots WHERE customer_pk = ? AND remaining > 0 AND expires_at <= ? AND activated_at IS NOT NULL
   ORDER BY expires_at, entry_id`,
);
const GIVE_BACK = sql('UPDATE lot_allocations SET points = points - ? WHERE id = ?');
const RESTORABLE = sql(
  `SELECT CAST(coalesce(sum(a.points), 0) AS bigint) AS points FROM lot_allocations a JOIN lots l ON l.id = a.lot_id
   WHERE a.entry_id = ? AND l.expires_at > ?`,
);

export interface LotTiming {
  /** When a pending lot turns active; null for a lot active at once. */
  activatesAt: string | null;
  /** Null while pending. */
  activatedAt: string | null;
  expiresAt: string | null;
}

/** A new lot for an earning; it pays off any debt first. */
export async function createLot(u: LedgerUnit, entryId: number, points: number, timing: LotTiming): Promise<void> {
  const w = u.wallet;
  const paid = Math.min(w.debt, points);
  const remaining = points - paid;
  w.debt -= paid;
  const expiresAt = timing.expiresAt ?? NEVER;
  await later(u.q, INSERT, [w.customerPk, entryId, remaining, timing.activatesAt, timing.activatedAt, expiresAt]);
  if (timing.activatedAt === null) {
    w.pending += remaining;
    noteDue(w, timing.activatesAt);
  } else {
    w.active += remaining;
    if (remaining > 0) noteDue(w, expiresAt);
  }
  w.dirty = true;
}

export function lotOfEntry(q: Queryable, entryId: number): Promise<LotRow | undefined> {
  return q.get<LotRow>(BY_ENTRY, [entryId]);
}

/** Takes up to `wanted` points from one lot for a deduction; answers how many it took. */
export async function takeFromLot(u: LedgerUnit, entryId: number, lot: LotRow, wanted: number): Promise<number> {
  const points = Math.min(Number(lot.remaining), wanted);
  if (points <= 0) return 0;
  await later(u.q, ADD_REMAINING, [-points, lot.id]);
  await later(u.q, ALLOCATE, [entryId, lot.id, points]);
  if (lot.activated_at === null) u.wallet.pending -= points;
  else u.wallet.active -= points;
  u.wallet.dirty = true;
  return points;
}

/** The name under which a use case that will spend sends the first lots with the lock (`firstLotsWith`). */
export const FIRST_LOTS_ALONGSIDE = 'first spendable lots';

/**
 * SQL of the first page of a customer's lots with points left, the customer given by `customerPk`
 * (an SQL expression), for a use case to send behind the lock before the unit's instant is fixed:
 * so it leaves out the time filters of a spend's read, which firstSpendable checks on the rows.
 */
export function firstLotsWith(customerPk: string): Statement {
  return sql(lotsWithPoints(customerPk, '', String(FIRST_PAGE)));
}

/**
 * The first page of lots spendable now, which a spend usually needs alone: the one read with the
 * lock (FIRST_LOTS_ALONGSIDE) while the unit has changed no lot or wallet figure (every lot write
 * marks the wallet dirty) and when each of its rows is the unit's customer's and spendable at the
 * unit's instant (then they are the first rows the spend's own read would answer), else read now.
 */
export async function firstSpendable(u: LedgerUnit): Promise<LotRow[]> {
  const withLock = u.wallet.dirty ? undefined : (u.alongside?.get(FIRST_LOTS_ALONGSIDE) as Promise<LotRow[]> | undefined);
  const early = withLock && (await withLock);
  if (early?.every((lot) => spendableNow(u, lot))) return early;
  return u.q.all<LotRow>(SPENDABLE, [u.wallet.customerPk, u.now, u.now, FIRST_PAGE]);
}

/** What SPENDABLE asks of a lot, on a row read without its time filters. */
function spendableNow(u: LedgerUnit, lot: LotRow): boolean {
  return Number(lot.customer_pk) === u.wallet.customerPk && lot.expires_at > u.now && lot.activated_at !== null && lot.activated_at <= u.now;
}

/**
 * Spends points from the lots spendable now, first-expiring first; answers what no lot covered.
 * `firstPage`: the first page (firstSpendable), when the caller read it already.
 */
export async function spendLots(u: LedgerUnit, entryId: number, wanted: number, firstPage?: LotRow[]): Promise<number> {
  let left = wanted;
  for (let size = FIRST_PAGE; left > 0; size = PAGE) {
    const page = size === FIRST_PAGE && firstPage ? firstPage : await u.q.all<LotRow>(SPENDABLE, [u.wallet.customerPk, u.now, u.now, size]);
    for (const lot of page) {
      left -= await takeFromLot(u, entryId, lot, left);
      if (left === 0) break;
    }
    if (page.length < size) break;
  }
  return left;
}

/**
 * Puts a redemption's points back into the lots it took them from, newest part first, skipping
 * lots that have expired since; answers the points no lot took back.
 */
export async function restoreLots(u: LedgerUnit, redemptionId: number, points: number): Promise<number> {
  let left = points;
  const parts = await u.q.all<{ id: number; points: number; lot_id: number; expires_at: string }>(ALLOCATIONS, [redemptionId]);
  for (const part of parts) {
    if (left === 0) break;
    if (part.expires_at <= u.now) continue;
    const back = Math.min(Number(part.points), left);
    await u.q.run(GIVE_BACK, [back, part.id]);
    await u.q.run(ADD_REMAINING, [back, part.lot_id]);
    u.wallet.active += back;
    noteDue(u.wallet, part.expires_at);
    left -= back;
  }
  u.wallet.dirty = true;
  return left;
}

/** Points of a redemption that a refund now could still put back (their lots not expired). */
export async function restorablePoints(q: Queryable, redemptionId: number, now: string): Promise<number> {
  const row = await q.get<{ points: number }>(RESTORABLE, [redemptionId, now]);
  return Number(row?.points ?? 0);
}

/** Writes off points of one lot (an Expiry entry). */
export async function reduceLot(u: LedgerUnit, lot: LotRow, points: number): Promise<void> {
  const cut = Math.min(Number(lot.remaining), points);
  await u.q.run(ADD_REMAINING, [-cut, lot.id]);
  if (lot.activated_at === null) u.wallet.pending -= cut;
  else u.wallet.active -= cut;
  u.wallet.dirty = true;
}

/** A pending lot turns active at `at`; its points expire at `expiresAt` (null: never). */
export async function activateLot(u: LedgerUnit, lot: LotRow, at: string, expiresAt: string | null): Promise<void> {
  await u.q.run(ACTIVATE, [at, expiresAt ?? NEVER, lot.id]);
  const remaining = Number(lot.remaining);
  u.wallet.pending -= remaining;
  u.wallet.active += remaining;
  if (remaining > 0) noteDue(u.wallet, expiresAt);
  u.wallet.dirty = true;
}

/** Pending lots whose return window has ended by `now`, in the order they activate. */
export function dueActivations(q: Queryable, customerPk: number, now: string): Promise<LotRow[]> {
  return q.all<LotRow>(DUE_ACTIVATIONS, [customerPk, now]);
}

/** Active lots with points left past their expiry, in the order they expired. */
export function dueExpiries(q: Queryable, customerPk: number, now: string): Promise<LotRow[]> {
  return q.all<LotRow>(DUE_EXPIRIES, [customerPk, now]);
}
