import { describe, expect, it } from 'vitest';
import { expiredLots, replay, restorable, summarise, type WalletEntry } from '../../src/domain/wallet.js';

let nextId = 1;
function entry(partial: Partial<WalletEntry> & Pick<WalletEntry, 'type' | 'direction' | 'points' | 'createdAt'>): WalletEntry {
  return { id: nextId++, status: 'Active', activatedAt: null, expiryDate: null, sourceEntryId: null, ...partial };
}

describe('the wallet rebuilt from the ledger', () => {
  it('spends the points that expire first, and expires only what is left of them', () => {
    const early = entry({ type: 'ManualAccumulation', direction: '+', points: 100, createdAt: '2024-01-01', expiryDate: '2024-02-01' });
    const late = entry({ type: 'ManualAccumulation', direction: '+', points: 100, createdAt: '2024-01-02', expiryDate: '2024-03-01' });
    const spent = entry({ type: 'Redemption', direction: '-', points: 130, createdAt: '2024-01-10' });
    const wallet = replay([early, late, spent]);
    expect(summarise(wallet, '2024-01-15')).toMatchObject({ active: 70, pending: 0, nextExpiring: { points: 70, date: '2024-03-01' } });
    expect(expiredLots(wallet, '2024-02-15')).toEqual([]);
    expect(expiredLots(wallet, '2024-03-01').map((lot) => [lot.entryId, lot.remaining])).toEqual([[late.id, 70]]);
  });

  it('does not let pending points be spent, and counts them apart', () => {
    const pending = entry({ type: 'PaymentReward', direction: '+', points: 50, status: 'Pending', createdAt: '2024-01-01' });
    const active = entry({ type: 'ManualAccumulation', direction: '+', points: 20, createdAt: '2024-01-01' });
    expect(summarise(replay([pending, active]), '2024-01-02')).toMatchObject({ active: 20, pending: 50 });
  });

  it('cancels a pending reward from its own pending points', () => {
    const reward = entry({ type: 'PaymentReward', direction: '+', points: 50, status: 'Pending', createdAt: '2024-01-01' });
    const other = entry({ type: 'ManualAccumulation', direction: '+', points: 20, createdAt: '2024-01-01' });
    const cancel = entry({ type: 'Cancel', direction: '-', points: 30, createdAt: '2024-01-02', sourceEntryId: reward.id });
    expect(summarise(replay([reward, other, cancel]), '2024-01-03')).toMatchObject({ active: 20, pending: 20 });
  });

  it('turns a cancellation no points cover into a debt that later earnings pay', () => {
    const reward = entry({ type: 'PaymentReward', direction: '+', points: 40, createdAt: '2024-01-01' });
    const spent = entry({ type: 'Redemption', direction: '-', points: 40, createdAt: '2024-01-02' });
    const cancel = entry({ type: 'Cancel', direction: '-', points: 40, createdAt: '2024-01-03', sourceEntryId: reward.id });
    expect(summarise(replay([reward, spent, cancel]), '2024-01-04').active).toBe(-40);
    const earned = entry({ type: 'ManualAccumulation', direction: '+', points: 100, createdAt: '2024-01-05' });
    expect(summarise(replay([reward, spent, cancel, earned]), '2024-01-06').active).toBe(60);
  });

  it('returns refunded points to the lots they came from, except those that expired', () => {
    const old = entry({ type: 'ManualAccumulation', direction: '+', points: 30, createdAt: '2024-01-01', expiryDate: '2024-01-20' });
    const young = entry({ type: 'ManualAccumulation', direction: '+', points: 30, createdAt: '2024-01-02', expiryDate: '2024-06-01' });
    const spent = entry({ type: 'Redemption', direction: '-', points: 50, createdAt: '2024-01-10' });
    const wallet = replay([old, young, spent]);
    expect(restorable(wallet, spent.id, '2024-01-15')).toBe(50);
    expect(restorable(wallet, spent.id, '2024-01-25')).toBe(20);
    const refund = entry({ type: 'Refund', direction: '+', points: 20, createdAt: '2024-01-25', sourceEntryId: spent.id });
    const after = summarise(replay([old, young, spent, refund]), '2024-01-26');
    expect(after).toMatchObject({ active: 30, nextExpiring: { points: 30, date: '2024-06-01' } });
  });

  it('takes an Expiry entry from its own lot only', () => {
    const lot = entry({ type: 'ManualAccumulation', direction: '+', points: 10, createdAt: '2024-01-01', expiryDate: '2024-01-05' });
    const keep = entry({ type: 'ManualAccumulation', direction: '+', points: 5, createdAt: '2024-01-01' });
    const expiry = entry({ type: 'Expiry', direction: '-', points: 10, createdAt: '2024-01-05', sourceEntryId: lot.id });
    const wallet = replay([lot, keep, expiry]);
    expect(summarise(wallet, '2024-01-06').active).toBe(5);
    expect(expiredLots(wallet, '2024-01-06')).toEqual([]);
  });
});
