import type { BatchKind, BatchPayloads } from '../../domain/batches/batch-kinds.js';
import type { SucceededItem } from '../../domain/batches/item-outcome.js';
import { findCustomer } from '../../domain/customers/customer-store.js';
import type { Scope } from '../../scope.js';
import { createCustomer } from '../customers/create-customer.js';
import { getCustomerBalance } from '../customers/get-customer-balance.js';
import { trackEvents } from '../events/track-events.js';
import { listOrderTransactions } from '../orders/list-order-transactions.js';
import { trackOrder } from '../orders/track-order.js';
import { createManualTransaction } from '../transactions/create-manual-transaction.js';
import { redeemPoints } from '../transactions/redeem-points.js';
import { rewardCashback } from '../transactions/reward-cashback.js';

/** Where an item sits: its job and its index there. */
export interface ItemPlace {
  jobId: number;
  index: number;
}

type ItemOperation<K extends BatchKind> = (scope: Scope, item: BatchPayloads[K], place: ItemPlace) => Promise<SucceededItem>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const success = (customerId: string, message: string, result: unknown, orderId?: string): SucceededItem => ({
  state: 'succeeded',
  customerId,
  orderId,
  message,
  fields: { result },
});

/**
 * Each kind's item runs through the use case of its single operation, with the job's account:
 * the same rules, limits and errors (a redemption still needs the hash or OTP the account asks
 * for). What the status shows of the answer is shaped here.
 */
export const ITEM_OPERATIONS: { [K in BatchKind]: ItemOperation<K> } = {
  async customers(scope, item) {
    const known = await findCustomer(scope.store, scope.account.id, item.customerId);
    const result = await createCustomer(scope, item);
    return success(item.customerId, known ? 'Customer updated' : 'Customer created', result);
  },
  async orders(scope, item) {
    const result = await trackOrder(scope, item);
    const message = `Order ${item.orderId} tracked: ${plural(result.rewardedPoints, 'point')} rewarded, ${result.redeemedPoints} redeemed.`;
    return success(item.customerId, message, result, item.orderId);
  },
  async orderTransactions(scope, orderId) {
    const { transactions, count } = await listOrderTransactions(scope, orderId);
    return { state: 'succeeded', orderId, message: `Found ${plural(count, 'transaction')}.`, fields: { transactions, count } };
  },
  async balanceInquiry(scope, customerId) {
    const result = await getCustomerBalance(scope, customerId);
    return success(customerId, `${plural(result.availablePointsBalance, 'point')} available.`, result);
  },
  async balanceAdjustment(scope, item, { jobId, index }) {
    const result = await createManualTransaction(scope, {
      customerId: item.customerId,
      ...(item.email === undefined ? {} : { email: item.email }),
      ...(item.mobile === undefined ? {} : { mobile: item.mobile }),
      transactionId: item.transactionId ?? `batch-${jobId}-${index}`,
      username: 'batch',
      reason: item.reason ?? `Balance adjustment batch ${jobId}`,
      points: item.points,
    });
    const verb = item.points > 0 ? 'Added' : 'Deducted';
    return success(item.customerId, `${verb} ${plural(Math.abs(item.points), 'point')}.`, result);
  },
  async cashback(scope, item) {
    const result = await rewardCashback(scope, item);
    return success(item.customerId, `Rewarded ${plural(result.rewardEquivalentPoints, 'point')}.`, result);
  },
  async redeem(scope, item) {
    const result = await redeemPoints(scope, item);
    return success(item.customerId, `Redeemed ${plural(result.redeemEquivalentPoints, 'point')}.`, result);
  },
  async events(scope, item) {
    const result = await trackEvents(scope, item);
    return success(item.customerId, result.message ?? 'Events recorded.', result);
  },
};
