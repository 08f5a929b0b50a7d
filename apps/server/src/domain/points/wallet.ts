import type { WalletFigures, WalletRow } from '../../store/schema.js';
import { later, sql, type Queryable } from '../../store/sql.js';
import { NEVER } from './entry-types.js';

/**
 * A customer's stored wallet, kept in step with the ledger by ledger.ts:
 * - balance: the signed sum of all entries (active + pending - debt);
 * - active: unspent points of activated lots (lots past expiry count until their Expiry entry);
 * - pending: unspent points of lots still in their return window;
 * - debt: points a Cancel took that no lot covered, paid off by later earnings;
 * - held: points reserved by open holds;
 * - score, earned: the signed sum of score, and lifetime earned points;
 * - nextDueAt: no later than the first instant a lot activates or expires or a hold expires.
 */
export interface WalletState extends WalletFigures {
  customerPk: number;
  accountId: string;
  nextDueAt: string | null;
  /** False until the row is first written. */
  stored: boolean;
  dirty: boolean;
}

const SELECT = sql('SELECT * FROM wallets WHERE customer_pk = ?');
const INSERT = sql(
  `INSERT INTO wallets (customer_pk, account_id, balance, active, pending, debt, held, score, earned, next_due_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const UPDATE = sql(
  'UPDATE wallets SET balance = ?, active = ?, pending = ?, debt = ?, held = ?, score = ?, earned = ?, next_due_at = ? WHERE customer_pk = ?',
);
const NEXT_DUE = sql(
  `SELECT min(t) AS next FROM (
     SELECT min(activates_at) AS t FROM lots WHERE customer_pk = ? AND activated_at IS NULL
     UNION ALL SELECT min(expires_at) FROM lots WHERE customer_pk = ? AND remaining > 0 AND activated_at IS NOT NULL AND expires_at < ?
     UNION ALL SELECT min(expires_at) FROM holds WHERE customer_pk = ? AND state = 'active'
   ) due`,
);

export function walletOf(row: WalletRow | undefined, customerPk: number, accountId: string): WalletState {
  return {
    customerPk,
    accountId,
    balance: Number(row?.balance ?? 0),
    active: Number(row?.active ?? 0),
    pending: Number(row?.pending ?? 0),
    debt: Number(row?.debt ?? 0),
    held: Number(row?.held ?? 0),
    score: Number(row?.score ?? 0),
    earned: Number(row?.earned ?? 0),
    nextDueAt: row?.next_due_at ?? null,
    stored: row !== undefined,
    dirty: false,
  };
}

/** Read with the customer locked, so the figures are the latest committed ones. */
export async function loadWallet(q: Queryable, customerPk: number, accountId: string): Promise<WalletState> {
  return walletOf(await q.get<WalletRow>(SELECT, [customerPk]), customerPk, accountId);
}

export async function saveWallet(q: Queryable, w: WalletState): Promise<void> {
  if (!w.dirty) return;
  if (w.stored) {
    await later(q, UPDATE, [w.balance, w.active, w.pending, w.debt, w.held, w.score, w.earned, w.nextDueAt, w.customerPk]);
  } else {
    await later(q, INSERT, [w.customerPk, w.accountId, w.balance, w.active, w.pending, w.debt, w.held, w.score, w.earned, w.nextDueAt]);
    w.stored = true;
  }
  w.dirty = false;
}

/** Points that can be spent or held now. */
export function available(w: WalletState): number {
  return w.active - w.debt - w.held;
}

export function isDue(w: WalletState, now: string): boolean {
  return w.nextDueAt !== null && w.nextDueAt <= now;
}

/** Something of this wallet becomes due at `at`. */
export function noteDue(w: WalletState, at: string | null): void {
  if (at === null || at >= NEVER) return;
  if (w.nextDueAt === null || at < w.nextDueAt) {
    w.nextDueAt = at;
    w.dirty = true;
  }
}

/** After settling: the exact next instant anything is due, from the lots and holds themselves. */
export async function recomputeNextDue(q: Queryable, w: WalletState): Promise<void> {
  const row = await q.get<{ next: string | null }>(NEXT_DUE, [w.customerPk, w.customerPk, NEVER, w.customerPk]);
  w.nextDueAt = row?.next ?? null;
  w.dirty = true;
}
