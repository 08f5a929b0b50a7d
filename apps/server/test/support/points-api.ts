import { expect } from 'vitest';
import type { GameballClient } from '@gameball-open/client';
import { nowIso, uid } from './harness.js';

/** Small helpers over the generated client for the points tests. */
export function pointsApi(gb: GameballClient) {
  return {
    async customer(): Promise<string> {
      const customerId = uid('cust');
      const { error } = await gb.POST('/customers', { body: { customerId } });
      expect(error).toBeUndefined();
      return customerId;
    },
    manual(customerId: string, points: number, transactionId = uid('man')) {
      return gb.POST('/transactions/manual', {
        body: { customerId, transactionId, transactionTime: nowIso(), username: 'admin', reason: 'test', points },
      });
    },
    cashback(customerId: string, amount: number, transactionId = uid('pay'), returnWindow?: number) {
      return gb.POST('/transactions/cashback', {
        body: {
          customerId,
          transactionId,
          transactionTime: nowIso(),
          amount,
          ...(returnWindow === undefined ? {} : { configurations: { returnWindow } }),
        },
      });
    },
    redeem(customerId: string, by: { amount?: number | null; points?: number | null; holdReference?: string | null; hash?: string; otp?: string }, transactionId = uid('red')) {
      return gb.POST('/transactions/redeem', { body: { customerId, transactionId, transactionTime: nowIso(), ...by } });
    },
    refund(customerId: string, reverseTransactionId: string, refundAmount?: number, refundTransactionId = uid('ref')) {
      return gb.POST('/transactions/refund', {
        body: {
          customerId,
          refundTransactionId,
          reverseTransactionId,
          transactionTime: nowIso(),
          ...(refundAmount === undefined ? {} : { refundAmount }),
        },
      });
    },
    hold(customerId: string, by: { pointsToHold?: number; amountToHold?: number; holdDurationMinutes?: number; hash?: string; otp?: string }) {
      return gb.POST('/transactions/hold', { body: { customerId, transactionTime: nowIso(), ...by } });
    },
    async balance(customerId: string) {
      const { data, error } = await gb.GET('/customers/{customerId}/balance', { params: { path: { customerId } } });
      expect(error).toBeUndefined();
      return data!;
    },
    async ledger(customerId: string) {
      const entries = [];
      let startAfter = 0;
      for (;;) {
        const { data, error } = await gb.GET('/transactions', { params: { query: { customerId, startAfter, limit: 200 } } });
        expect(error).toBeUndefined();
        entries.push(...data!.transactions);
        if (!data!.hasMore) return entries;
        startAfter = Number(data!.transactions.at(-1)!.gameballTransactionId);
      }
    },
    advance(seconds: number) {
      return gb.POST('/_reference/clock', { body: { advanceSeconds: seconds } });
    },
  };
}

/** The ledger's own invariants: balances chain, and the balance is the signed sum of entries. */
export function expectConsistentLedger(
  entries: Array<{ direction: string; points: number; pointsBalanceBefore: number; pointsBalanceAfter: number }>,
  totalPointsBalance: number,
): void {
  let sum = 0;
  for (const [i, entry] of entries.entries()) {
    const signed = entry.direction === '+' ? entry.points : 0 - entry.points;
    expect(entry.pointsBalanceAfter - entry.pointsBalanceBefore).toBe(signed);
    if (i > 0) expect(entry.pointsBalanceBefore).toBe(entries[i - 1]!.pointsBalanceAfter);
    sum += signed;
  }
  expect(totalPointsBalance).toBe(sum);
}
