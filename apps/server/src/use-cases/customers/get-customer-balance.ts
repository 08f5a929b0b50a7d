import type { components } from '@gameball-open/server-types';
import { readPoints } from '../../domain/customers/customer-points.js';
import { valueOfPoints } from '../../domain/program/program.js';
import { toNumber } from '../../domain/shared/decimal.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}/balance: the customer's points as of the clock and their money value; writes nothing. */
export async function getCustomerBalance(scope: Scope, customerId: string): Promise<components['schemas']['CustomerBalance']> {
  const { program } = scope.account;
  const p = await readPoints(scope, customerId);
  const value = (n: number) => toNumber(valueOfPoints(program, n));
  const available = Math.max(p.active - p.debt - p.held, 0);
  const next = p.nextExpiring;
  return {
    totalPointsBalance: p.balance,
    totalPointsValue: value(p.balance),
    availablePointsBalance: available,
    availablePointsValue: value(available),
    pendingPoints: p.pending,
    pendingPointsValue: value(p.pending),
    heldPoints: p.held,
    currency: program.currency,
    pointsName: program.pointsName,
    nextExpiringPointsAmount: next?.points ?? 0,
    nextExpiringPointsValue: value(next?.points ?? 0),
    nextExpiringPointsDate: next?.date ?? undefined, // left out when nothing is due to expire
    totalEarnedPoints: p.earned,
    score: { scoreBalance: p.score, scoreName: program.scoreName },
  };
}
