import type { components } from '@gameball-open/server-types';
import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import { errors } from '../errors.js';
import type { Tx, Store } from '../store/store.js';
import { requireCustomer } from './customers.js';
import { add, compare, divideFloor, fromInteger, multiply, parseDecimal, subtract, toNumber, type Decimal } from './decimal.js';
import { appendEntry, assertUnusedTransactionId, inTransaction, type LedgerRow } from './ledger.js';
import { moneyFromJson, storeMoney } from './money.js';
import { settleCustomer } from './settle.js';
import { checkTransactionTime } from './transaction-time.js';
import { restorable } from './wallet.js';

type Schemas = components['schemas'];

const REFUND_KINDS = ['refund', 'refund:cancel'];
const ZERO = fromInteger(0);

/** The money a refund covers: refundAmount, else the lines' total, else everything left. */
function requestedAmount(input: Schemas['RefundRequest']): Decimal | undefined {
  if (input.refundAmount !== undefined && input.refundAmount !== null) return moneyFromJson(input.refundAmount, 'refundAmount');
  if (!input.lineItems?.length) return undefined;
  return input.lineItems.reduce((sum, line) => {
    const gross = multiply(moneyFromJson(line.price ?? 0), moneyFromJson(line.quantity ?? 0));
    return subtract(add(add(sum, gross), moneyFromJson(line.taxes ?? 0)), moneyFromJson(line.discount ?? 0));
  }, ZERO);
}

/** floor(total x part / whole): the points a partial refund reverses. */
function share(total: number, part: Decimal, whole: Decimal): number {
  return Number(divideFloor(multiply(fromInteger(total), part), whole));
}

async function originalsOf(tx: Tx, account: Account, customerPk: number, transactionId: string): Promise<LedgerRow[]> {
  return tx
    .selectFrom('ledger_entries')
    .selectAll()
    .where('account_id', '=', account.id)
    .where('customer_pk', '=', customerPk)
    .where('transaction_id', '=', transactionId)
    .where('kind', 'in', ['cashback', 'redeem', 'manual'])
    .execute();
}

/**
 * Reverses a cashback (Cancel, -) and/or a redemption (Refund, +) recorded under one
 * transactionId. Partial refunds reverse points pro rata, rounded down; the refund that uses
 * up the amount reverses whatever is left, so the parts always add up to the whole.
 */
export async function refundTransaction(
  store: Store,
  account: Account,
  clock: Clock,
  input: Schemas['RefundRequest'],
): Promise<Schemas['RefundResult']> {
  const transactionTime = checkTransactionTime(input.transactionTime, clock);
  const asked = requestedAmount(input);
  return inTransaction(store, input.refundTransactionId, async (tx) => {
    const now = clock.now().toISOString();
    const customer = await requireCustomer(tx, store, account.id, input.customerId, true);
    for (const kind of REFUND_KINDS) await assertUnusedTransactionId(tx, account.id, kind, input.refundTransactionId);
    const originals = await originalsOf(tx, account, customer.id, input.reverseTransactionId);
    if (originals.length === 0) throw errors.reversedNotFound(input.reverseTransactionId);
    const reward = originals.find((row) => row.kind === 'cashback');
    const redemption = originals.find((row) => row.kind === 'redeem');
    const primary = reward ?? redemption;
    if (!primary) throw errors.notReversible(input.reverseTransactionId, originals[0]!.type);

    const prior = await tx
      .selectFrom('ledger_entries')
      .select(['amount', 'source_entry_id'])
      .where('source_entry_id', '=', primary.id)
      .where('kind', 'in', REFUND_KINDS)
      .execute();
    const whole = parseDecimal(primary.amount ?? '0');
    const priorAmounts = prior.map((row) => parseDecimal(row.amount ?? '0'));
    const left = subtract(whole, priorAmounts.reduce(add, ZERO));
    if (compare(left, ZERO) <= 0) throw errors.alreadyReversed(input.reverseTransactionId);
    const amount = asked ?? left;
    if (compare(amount, left) > 0) {
      throw errors.limitExceeded(`Only ${storeMoney(left)} of transaction '${input.reverseTransactionId}' is left to refund.`);
    }
    const full = compare(amount, left) === 0;
    const reversed = (total: number) =>
      full
        ? total - priorAmounts.reduce((sum, part) => sum + share(total, part, whole), 0)
        : share(total, amount, whole);

    const points = await settleCustomer(tx, account, customer, now);
    const base = {
      transactionId: input.refundTransactionId,
      amount: storeMoney(amount),
      status: 'Active' as const,
      transactionTime,
      createdAt: now,
    };
    const written: LedgerRow[] = [];
    let refundPoints = 0;
    if (redemption) {
      // Points whose lots expired meanwhile are not revived.
      refundPoints = Math.min(reversed(redemption.points), restorable(points.wallet, redemption.id, now));
      written.push(
        await appendEntry(tx, customer, { ...base, kind: 'refund', type: 'Refund', direction: '+', points: refundPoints, sourceEntryId: redemption.id }),
      );
    }
    if (reward) {
      const cancelled = reversed(reward.points);
      written.push(
        await appendEntry(tx, customer, {
          ...base,
          kind: redemption ? 'refund:cancel' : 'refund',
          type: 'Cancel',
          direction: '-',
          points: cancelled,
          score: reversed(reward.score),
          sourceEntryId: reward.id,
        }),
      );
      if (!redemption) refundPoints = cancelled;
    }
    return {
      gameballTransactionId: String(written[0]!.id),
      refundTransactionId: input.refundTransactionId,
      refundAmount: toNumber(amount),
      refundEquivalentPoints: refundPoints,
    };
  });
}
