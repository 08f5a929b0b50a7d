/**
 * A customer's wallet rebuilt from the ledger alone: which earned points ("lots") are unspent,
 * which are pending, when each expires, and which lots each deduction took points from. Pure: no
 * storage, no clock. The stored wallet must always equal this replay (see verify.ts); the
 * migration that introduced stored wallets built them with it.
 *
 * Rules: spending takes points first-expiring-first (never-expiring last, then oldest); a lot
 * can be spent from the instant it activated until the instant it expires; a Cancel takes its
 * reward's own points first, then spends like any deduction, and what no lot covers becomes a
 * debt that later earnings pay off; a Refund puts a redemption's points back into the lots they
 * came from, newest part first, with their original expiry (parts already expired stay gone).
 */
import { ruleOf, type Direction, type EntryType } from './entry-types.js';

export interface ReplayEntry {
  id: number;
  type: EntryType;
  direction: Direction;
  points: number;
  status: string;
  createdAt: string;
  activatedAt: string | null;
  expiryDate: string | null;
  sourceEntryId: number | null;
}

export interface Lot {
  entryId: number;
  remaining: number;
  /** Null while pending. */
  activatedAt: string | null;
  expiresAt: string | null;
}

export interface Wallet {
  lots: Lot[];
  /** Points taken by cancellations that no lot covered; paid off by later earnings. */
  debt: number;
  /** For each deduction, the lots it took points from, in order (points still taken). */
  taken: Map<number, Array<{ lot: Lot; points: number }>>;
}

function spendable(lot: Lot, at: string): boolean {
  return lot.activatedAt !== null && lot.activatedAt <= at && (lot.expiresAt === null || lot.expiresAt > at);
}

function byExpiry(a: Lot, b: Lot): number {
  if (a.expiresAt !== b.expiresAt) {
    if (a.expiresAt === null) return 1;
    if (b.expiresAt === null) return -1;
    return a.expiresAt < b.expiresAt ? -1 : 1;
  }
  return a.entryId - b.entryId;
}

function take(wallet: Wallet, entryId: number, lot: Lot, wanted: number): number {
  const points = Math.min(lot.remaining, wanted);
  if (points <= 0) return 0;
  lot.remaining -= points;
  const list = wallet.taken.get(entryId) ?? [];
  list.push({ lot, points });
  wallet.taken.set(entryId, list);
  return points;
}

function spend(wallet: Wallet, entry: ReplayEntry, points: number): number {
  let left = points;
  for (const lot of wallet.lots.filter((l) => spendable(l, entry.createdAt)).sort(byExpiry)) {
    if (left === 0) break;
    left -= take(wallet, entry.id, lot, left);
  }
  return left;
}

function addLot(wallet: Wallet, lot: Lot): void {
  const paid = Math.min(wallet.debt, lot.remaining);
  wallet.debt -= paid;
  lot.remaining -= paid;
  wallet.lots.push(lot);
}

function restore(wallet: Wallet, entry: ReplayEntry): void {
  let left = entry.points;
  const taken = wallet.taken.get(entry.sourceEntryId ?? -1) ?? [];
  for (let i = taken.length - 1; i >= 0 && left > 0; i--) {
    const part = taken[i]!;
    if (part.lot.expiresAt !== null && part.lot.expiresAt <= entry.createdAt) continue;
    const back = Math.min(part.points, left);
    part.points -= back;
    part.lot.remaining += back;
    left -= back;
  }
  if (left > 0) addLot(wallet, { entryId: entry.id, remaining: left, activatedAt: entry.createdAt, expiresAt: null });
}

export function replay(entries: readonly ReplayEntry[]): Wallet {
  const wallet: Wallet = { lots: [], debt: 0, taken: new Map() };
  const byEntry = new Map<number, Lot>();
  for (const entry of [...entries].sort((a, b) => a.id - b.id)) {
    if (entry.points === 0) continue;
    const own = entry.sourceEntryId === null ? undefined : byEntry.get(entry.sourceEntryId);
    switch (ruleOf(entry.type).effect) {
      case 'earn': {
        const lot: Lot = {
          entryId: entry.id,
          remaining: entry.points,
          activatedAt: entry.status === 'Pending' ? null : (entry.activatedAt ?? entry.createdAt),
          expiresAt: entry.expiryDate,
        };
        addLot(wallet, lot);
        byEntry.set(entry.id, lot);
        break;
      }
      case 'restore':
        restore(wallet, entry);
        break;
      case 'expire':
        if (own) own.remaining -= Math.min(own.remaining, entry.points);
        break;
      case 'reverse': {
        const left = entry.points - (own ? take(wallet, entry.id, own, entry.points) : 0);
        wallet.debt += spend(wallet, entry, left);
        break;
      }
      case 'spend':
        wallet.debt += spend(wallet, entry, entry.points);
        break;
    }
  }
  return wallet;
}
