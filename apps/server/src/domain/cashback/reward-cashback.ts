import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { requireActive } from '../customers/activation.js';
import { cashbackFor, expiryFrom, valueOfPoints } from '../program/program.js';
import { withCustomer } from '../points/unit-of-work.js';
import { programFor } from '../tiers/earning-rule.js';
import { toNumber } from '../shared/decimal.js';
import { checkPoints } from '../shared/limits.js';
import { moneyFromJson, storeMoney } from '../shared/money.js';
import { checkTransactionTime } from '../shared/transaction-time.js';

type Schemas = components['schemas'];

const DAY_MS = 86_400_000;

/** Rewards points (and score) for a payment by the customer's cashback rule (their tier's, else the account's); creates unknown customers. */
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
    const pending = windowDays > 0 && points > 0;
    const entry = await unit.append({
      ...idempotency,
      type: 'PaymentReward',
      points,
      score,
      amount: storeMoney(amount),
      status: pending ? 'Pending' : 'Active',
      transactionTime,
      activatesAt: pending ? new Date(Date.parse(unit.now) + windowDays * DAY_MS).toISOString() : null,
      expiryDate: pending ? null : expiryFrom(program, unit.now),
    });
    return {
      customerId: unit.customer.customer_id,
      gameballTransactionId: entry.id,
      rewardAmount: toNumber(valueOfPoints(program, points)),
      rewardEquivalentPoints: points,
    };
  });
}
