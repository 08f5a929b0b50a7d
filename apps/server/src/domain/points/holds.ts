import { errors } from '../../errors.js';
import type { HoldRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';
import type { Customer } from './ledger.js';
import type { LedgerUnit } from './lots.js';
import { noteDue } from './wallet.js';

export type { HoldRow };

/** Holds reserve points without an entry; the wallet's `held` follows them here. */
const INSERT = sql(
  `INSERT INTO holds (account_id, customer_pk, customer_id, reference, points, amount, state, expires_at, created_at)
   VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
);
const FIND = sql('SELECT * FROM holds WHERE account_id = ? AND reference = ?');
const CLOSE = sql("UPDATE holds SET state = ?, closed_at = ?, redemption_entry_id = ? WHERE id = ? AND state = 'active'");
const DUE = sql("SELECT * FROM holds WHERE customer_pk = ? AND state = 'active' AND expires_at <= ? ORDER BY expires_at");

export function findHold(q: Queryable, accountId: string, reference: string): Promise<HoldRow | undefined> {
  return q.get<HoldRow>(FIND, [accountId, reference]);
}

/** The customer's open hold by its reference (9006 when unknown, someone else's, used, released or expired). */
export async function openHoldOf(u: LedgerUnit, reference: string): Promise<HoldRow> {
  const hold = await findHold(u.q, u.wallet.accountId, reference);
  if (!hold || hold.customer_pk !== u.wallet.customerPk || hold.state !== 'active' || hold.expires_at <= u.now) {
    throw errors.holdNotFound(reference);
  }
  return hold;
}

export async function placeHold(
  u: LedgerUnit,
  customer: Customer,
  hold: { reference: string; points: number; amount: string; expiresAt: string },
): Promise<void> {
  await u.q.run(INSERT, [customer.account_id, customer.id, customer.customer_id, hold.reference, hold.points, hold.amount, hold.expiresAt, u.now]);
  u.wallet.held += hold.points;
  noteDue(u.wallet, hold.expiresAt);
  u.wallet.dirty = true;
}

/** Closes an open hold (used by a redemption, released, or expired at `at`); answers whether it was open. */
export async function closeHold(
  u: LedgerUnit,
  hold: HoldRow,
  state: 'used' | 'released' | 'expired',
  at: string = u.now,
  redemptionEntryId: number | null = null,
): Promise<boolean> {
  if ((await u.q.run(CLOSE, [state, at, redemptionEntryId, hold.id])) === 0) return false;
  u.wallet.held -= Number(hold.points);
  u.wallet.dirty = true;
  return true;
}

/** Open holds whose time has run out by `now`. */
export function dueHolds(q: Queryable, customerPk: number, now: string): Promise<HoldRow[]> {
  return q.all<HoldRow>(DUE, [customerPk, now]);
}

/** Holds whose time ran out: they expire at their own instant. */
export async function expireDueHolds(u: LedgerUnit): Promise<void> {
  for (const hold of await dueHolds(u.q, u.wallet.customerPk, u.now)) await closeHold(u, hold, 'expired', hold.expires_at);
}
