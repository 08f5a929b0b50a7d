import type { components } from '@gameball-open/server-types';
import { requireActive } from '../../domain/customers/activation.js';
import { cashbackFor, valueOfPoints } from '../../domain/program/program.js';
import { earningTiming } from '../../domain/program/return-window.js';
import { toNumber } from '../../domain/shared/decimal.js';
import { checkPoints } from '../../domain/shared/limits.js';
import { moneyFromJson, storeMoney } from '../../domain/shared/money.js';
import { checkTransactionTime } from '../../domain/shared/transaction-time.js';
import { programFor } from '../../domain/tiers/earning-rule.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../with-customer.js';

type Schemas = components['schemas'];

/**
 * POST /transactions/cashback: rewards points (and score) for a payment by the customer's
 * cashback rule (their tier's, else the account's); creates unknown customers.
 */
export async function rewardCashback(scope: Scope, input: Schemas['CashbackRequest']): Promise<Schemas['CashbackResult']> {
  const { program } = scope.account;
  if (!program.cashback.enabled) throw errors.cashbackDisabled();
  const transactionTime = checkTransactionTime(input.transactionTime, scope.clock);
  const amount = moneyFromJson(input.amount);
  const windowDays = input.configurations?.returnWindow ?? program.returnWindowDays;
  const idempotency = { kind: 'cashback', transactionId: input.transactionId } as const;
  const target = { customerId: input.customerId, create: true, email: input.email, mobile: input.mobile };
  return withCustomer(scope, target, idempotency, async (unit) => {
    requireActive(unit.customer);
    // The customer's tier may have its own rule, so the points are known only once the customer is.
    const earned = cashbackFor(programFor(program, unit.customer), amount);
    const points = checkPoints(earned.points);
    const score = checkPoints(earned.score);
    const entry = await unit.append({
      ...idempotency,
      type: 'PaymentReward',
      points,
      score,
      amount: storeMoney(amount),
      transactionTime,
      ...earningTiming(program, windowDays, points, unit.now),
    });
    return {
      customerId: unit.customer.customer_id,
      gameballTransactionId: String(entry.id),
      rewardAmount: toNumber(valueOfPoints(program, points)),
      rewardEquivalentPoints: points,
    };
  });
}
