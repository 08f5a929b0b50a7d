import type { WalletFigures } from '../../store/schema.js';
import { ruleOf, type EntryType } from './entry-types.js';
import { replay, type Lot, type ReplayEntry } from './replay.js';

/** A ledger row as the replay needs it (column names as stored). */
export interface LedgerFacts {
  id: number;
  type: EntryType;
  direction: '+' | '-';
  points: number;
  status: string;
  score: number;
  created_at: string;
  activates_at: string | null;
  activated_at: string | null;
  expiry_date: string | null;
  source_entry_id: number | null;
}

/** What the stored wallet of a customer must hold, derived from the ledger and the open holds alone. */
export interface ExpectedWallet extends WalletFigures {
  lots: Array<Lot & { activatesAt: string | null }>;
  /** Per deduction entry, the lots (by their entry) it still has points taken from, in order. */
  allocations: Array<{ entryId: number; lotEntryId: number; points: number }>;
  /** The earliest instant something becomes due: a pending lot activates, a lot or a hold expires. */
  nextDue: string | null;
}

function toReplayEntry(row: LedgerFacts): ReplayEntry {
  return {
    id: row.id,
    type: row.type,
    direction: row.direction,
    points: Number(row.points),
    status: row.status,
    createdAt: row.created_at,
    activatedAt: row.activated_at,
    expiryDate: row.expiry_date,
    sourceEntryId: row.source_entry_id,
  };
}

export function expectedWallet(rows: readonly LedgerFacts[], holds: ReadonlyArray<{ points: number; expires_at: string }>): ExpectedWallet {
  const wallet = replay(rows.map(toReplayEntry));
  const activatesAt = new Map(rows.map((row) => [row.id, row.activates_at]));
  const due: string[] = holds.map((hold) => hold.expires_at);
  const result: ExpectedWallet = {
    lots: [], allocations: [], balance: 0, active: 0, pending: 0, debt: wallet.debt,
    held: holds.reduce((sum, hold) => sum + Number(hold.points), 0), score: 0, earned: 0, nextDue: null,
  };
  for (const lot of wallet.lots) {
    const pendingUntil = lot.activatedAt === null ? (activatesAt.get(lot.entryId) ?? null) : null;
    result.lots.push({ ...lot, activatesAt: pendingUntil });
    if (lot.activatedAt === null) {
      result.pending += lot.remaining;
      if (pendingUntil) due.push(pendingUntil);
    } else {
      result.active += lot.remaining;
      if (lot.remaining > 0 && lot.expiresAt) due.push(lot.expiresAt);
    }
  }
  for (const [entryId, parts] of wallet.taken) {
    for (const part of parts) if (part.points > 0) result.allocations.push({ entryId, lotEntryId: part.lot.entryId, points: part.points });
  }
  for (const row of rows) {
    const sign = row.direction === '+' ? 1 : -1;
    result.balance += sign * Number(row.points);
    result.score += sign * Number(row.score);
    result.earned += ruleOf(row.type).earned * Number(row.points);
  }
  result.nextDue = due.length ? due.reduce((a, b) => (a < b ? a : b)) : null;
  return result;
}
