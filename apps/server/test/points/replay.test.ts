import { describe, expect, it } from 'vitest';
import { NEVER, type EntryType } from '../../src/domain/points/entry-types.js';
import { expectedWallet, type LedgerFacts } from '../../src/domain/points/expected-wallet.js';

let nextId = 1;
type Partial = { type: EntryType; points: number; at: string; expires?: string; pending?: boolean; source?: number; score?: number };
function entry({ type, points, at, expires, pending, source, score }: Partial): LedgerFacts {
  const plus = ['PaymentReward', 'ManualAccumulation', 'Refund'].includes(type);
  return {
    id: nextId++, type, direction: plus ? '+' : '-', points, status: pending ? 'Pending' : 'Active', score: score ?? 0,
    created_at: at, activates_at: pending ? '2099-01-01' : null, activated_at: null,
    expiry_date: expires ?? null, source_entry_id: source ?? null,
  };
}
const wallet = (...rows: LedgerFacts[]) => expectedWallet(rows, []);
const lots = (w: ReturnType<typeof wallet>) => w.lots.map((lot) => [lot.entryId, lot.remaining]);

/** The rules the stored wallets must follow, stated on the replay that verifies them. */
describe('the wallet rebuilt from the ledger', () => {
  it('spends the points that expire first, then the oldest that never expire', () => {
    const early = entry({ type: 'ManualAccumulation', points: 100, at: '2024-01-01', expires: '2024-02-01' });
    const never = entry({ type: 'ManualAccumulation', points: 100, at: '2024-01-01' });
    const late = entry({ type: 'ManualAccumulation', points: 100, at: '2024-01-02', expires: '2024-03-01' });
    const spent = entry({ type: 'Redemption', points: 230, at: '2024-01-10' });
    const w = wallet(early, never, late, spent);
    expect(lots(w)).toEqual([[early.id, 0], [never.id, 70], [late.id, 0]]);
    expect(w).toMatchObject({ balance: 70, active: 70, pending: 0, debt: 0, earned: 300, nextDue: null });
    expect(w.allocations).toEqual([
      { entryId: spent.id, lotEntryId: early.id, points: 100 },
      { entryId: spent.id, lotEntryId: late.id, points: 100 },
      { entryId: spent.id, lotEntryId: never.id, points: 30 },
    ]);
  });

  it('does not spend pending points, and counts them apart', () => {
    const pending = entry({ type: 'PaymentReward', points: 50, at: '2024-01-01', pending: true });
    const active = entry({ type: 'ManualAccumulation', points: 20, at: '2024-01-01' });
    const spent = entry({ type: 'Redemption', points: 20, at: '2024-01-02' });
    expect(wallet(pending, active, spent)).toMatchObject({ active: 0, pending: 50, balance: 50, nextDue: '2099-01-01' });
  });

  it('cancels a pending reward from its own pending points, with its score', () => {
    const reward = entry({ type: 'PaymentReward', points: 50, at: '2024-01-01', pending: true, score: 5 });
    const other = entry({ type: 'ManualAccumulation', points: 20, at: '2024-01-01' });
    const cancel = entry({ type: 'Cancel', points: 30, at: '2024-01-02', source: reward.id, score: 3 });
    expect(wallet(reward, other, cancel)).toMatchObject({ active: 20, pending: 20, score: 2, earned: 40 });
  });

  it('turns a cancellation no points cover into a debt that later earnings pay first', () => {
    const reward = entry({ type: 'PaymentReward', points: 40, at: '2024-01-01' });
    const spent = entry({ type: 'Redemption', points: 40, at: '2024-01-02' });
    const cancel = entry({ type: 'Cancel', points: 40, at: '2024-01-03', source: reward.id });
    expect(wallet(reward, spent, cancel)).toMatchObject({ balance: -40, active: 0, debt: 40 });
    const earned = entry({ type: 'ManualAccumulation', points: 100, at: '2024-01-05' });
    const after = wallet(reward, spent, cancel, earned);
    expect(after).toMatchObject({ balance: 60, active: 60, debt: 0 });
    expect(lots(after).at(-1)).toEqual([earned.id, 60]);
  });

  it('returns refunded points to the lots they came from, newest part first, except those that expired', () => {
    const old = entry({ type: 'ManualAccumulation', points: 30, at: '2024-01-01', expires: '2024-01-20' });
    const young = entry({ type: 'ManualAccumulation', points: 30, at: '2024-01-02', expires: '2024-06-01' });
    const spent = entry({ type: 'Redemption', points: 50, at: '2024-01-10' });
    const refund = entry({ type: 'Refund', points: 20, at: '2024-01-25', source: spent.id });
    const w = wallet(old, young, spent, refund);
    expect(lots(w)).toEqual([[old.id, 0], [young.id, 30]]);
    expect(w.allocations).toEqual([{ entryId: spent.id, lotEntryId: old.id, points: 30 }]);
    expect(w).toMatchObject({ balance: 30, active: 30, nextDue: '2024-06-01' });
  });

  it('keeps refunded points that no lot takes back as a new lot that never expires', () => {
    const refund = entry({ type: 'Refund', points: 15, at: '2024-01-25', source: 999_999 });
    const w = wallet(refund);
    expect(w.lots).toEqual([{ entryId: refund.id, remaining: 15, activatedAt: '2024-01-25', expiresAt: null, activatesAt: null }]);
    expect(w.earned).toBe(0);
  });

  it('takes an Expiry entry from its own lot only', () => {
    const lot = entry({ type: 'ManualAccumulation', points: 10, at: '2024-01-01', expires: '2024-01-05' });
    const keep = entry({ type: 'ManualAccumulation', points: 5, at: '2024-01-01' });
    const expiry = entry({ type: 'Expiry', points: 10, at: '2024-01-05', source: lot.id });
    const w = wallet(lot, keep, expiry);
    expect(lots(w)).toEqual([[lot.id, 0], [keep.id, 5]]);
    expect(w).toMatchObject({ balance: 5, active: 5, nextDue: null });
    expect(NEVER > '2999-12-31T23:59:59.999Z').toBe(true);
  });
});
