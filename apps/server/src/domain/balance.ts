import type { components } from '@gameball-open/server-types';
import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import { valueOfPoints } from '../program.js';
import type { Store } from '../store/store.js';
import { requireCustomer } from './customers.js';
import { toNumber } from './decimal.js';
import { settleCustomer } from './settle.js';

/** The customer's points now: total, available, pending, held, next expiry, lifetime earned, score. */
export async function customerBalance(
  store: Store,
  account: Account,
  clock: Clock,
  customerId: string,
): Promise<components['schemas']['CustomerBalance']> {
  const { program } = account;
  return store.db.transaction().execute(async (tx) => {
    const now = clock.now().toISOString();
    const customer = await requireCustomer(tx, store, account.id, customerId, true);
    const points = await settleCustomer(tx, account, customer, now);
    const value = (n: number) => toNumber(valueOfPoints(program, n));
    let total = 0;
    let earned = 0;
    let score = 0;
    for (const row of points.entries) {
      const sign = row.direction === '+' ? 1 : -1;
      total += sign * row.points;
      score += sign * row.score;
      if (row.direction === '+' && row.type !== 'Refund') earned += row.points;
      if (row.type === 'Cancel') earned -= row.points;
    }
    const available = Math.max(points.available, 0);
    const next = points.summary.nextExpiring;
    return {
      totalPointsBalance: total,
      totalPointsValue: value(total),
      availablePointsBalance: available,
      availablePointsValue: value(available),
      pendingPoints: points.summary.pending,
      pendingPointsValue: value(points.summary.pending),
      heldPoints: points.held,
      currency: program.currency,
      pointsName: program.pointsName,
      nextExpiringPointsAmount: next?.points ?? 0,
      nextExpiringPointsValue: value(next?.points ?? 0),
      nextExpiringPointsDate: next?.date ?? null,
      totalEarnedPoints: earned,
      score: { scoreBalance: score, scoreName: program.scoreName },
    };
  });
}
