import type { components } from '@gameball-open/server-types';
import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import { errors } from '../errors.js';
import { cashbackFor, expiryFrom, valueOfPoints } from '../program.js';
import type { Store } from '../store/store.js';
import { findOrCreateCustomer } from './customers.js';
import { toNumber } from './decimal.js';
import { appendEntry, assertUnusedTransactionId, inTransaction } from './ledger.js';
import { moneyFromJson, storeMoney } from './money.js';
import { checkPoints } from './points-limit.js';
import { settleCustomer } from './settle.js';
import { checkTransactionTime } from './transaction-time.js';

type Schemas = components['schemas'];

const DAY_MS = 86_400_000;

/** Rewards points (and score) for a payment by the account's cashback rule. */
export async function rewardCashback(
  store: Store,
  account: Account,
  clock: Clock,
  input: Schemas['CashbackRequest'],
): Promise<Schemas['CashbackResult']> {
  if (!account.program.cashback.enabled) throw errors.cashbackDisabled();
  const transactionTime = checkTransactionTime(input.transactionTime, clock);
  const amount = moneyFromJson(input.amount);
  const earned = cashbackFor(account.program, amount);
  const points = checkPoints(earned.points);
  const score = checkPoints(earned.score);
  const windowDays = input.configurations?.returnWindow ?? account.program.returnWindowDays;
  return inTransaction(store, input.transactionId, async (tx) => {
    const now = clock.now();
    const nowIso = now.toISOString();
    const customer = await findOrCreateCustomer(tx, store, account, input.customerId, nowIso);
    await assertUnusedTransactionId(tx, account.id, 'cashback', input.transactionId);
    await settleCustomer(tx, account, customer, nowIso);
    const pending = windowDays > 0 && points > 0;
    const entry = await appendEntry(tx, customer, {
      kind: 'cashback',
      transactionId: input.transactionId,
      type: 'PaymentReward',
      direction: '+',
      points,
      score,
      amount: storeMoney(amount),
      status: pending ? 'Pending' : 'Active',
      transactionTime,
      createdAt: nowIso,
      activatesAt: pending ? new Date(now.getTime() + windowDays * DAY_MS).toISOString() : null,
      activatedAt: pending ? null : nowIso,
      expiryDate: pending ? null : expiryFrom(account.program, nowIso),
    });
    return {
      customerId: customer.customer_id,
      gameballTransactionId: entry.id,
      rewardAmount: toNumber(valueOfPoints(account.program, points)),
      rewardEquivalentPoints: points,
    };
  });
}
