import type { components } from '@gameball-open/server-types';
import type { LedgerRow } from '../../store/schema.js';
import { fromDecimal } from '../shared/money.js';

type Transaction = components['schemas']['Transaction'];

/** The columns of an entry that the API shows. */
export type TransactionRow = Pick<
  LedgerRow,
    | 'id' | 'transaction_id' | 'type' | 'direction' | 'customer_id' | 'points' | 'amount' | 'transaction_time' | 'status' | 'reason'
  | 'expiry_date' | 'balance_before' | 'balance_after' | 'achieved_reward_campaign_id' | 'achievement_name' | 'achieved_tier_id'
  | 'merchant_name' | 'branch_name'
>;

/**
 * A ledger entry as the API shows it. What does not apply to the entry (a coupon, a merchant, a
 * reason, an achievement, an expiry date) is left out, never null: the reference declares these
 * fields as strings and numbers, and strict clients refuse null.
 */
export function toTransaction(row: TransactionRow): Transaction {
  return {
    transactionId: row.transaction_id,
    gameballTransactionId: String(row.id),
    type: row.type as Transaction['type'],
    direction: row.direction,
    customerId: row.customer_id,
    points: row.points,
    amount: fromDecimal(row.amount),
    transactionTime: row.transaction_time,
    status: row.status as Transaction['status'],
    isCouponUsed: false,
    merchantName: row.merchant_name ?? undefined,
    branchName: row.branch_name ?? undefined,
    reason: row.reason ?? undefined,
    achievementName: row.achievement_name ?? undefined,
    expiryDate: row.expiry_date ?? undefined,
    pointsBalanceBefore: row.balance_before,
    pointsBalanceAfter: row.balance_after,
    achievementType: row.achieved_tier_id !== null ? 'Tier' : row.achieved_reward_campaign_id !== null ? 'RewardCampaign' : undefined,
    achievedRewardCampaignId: row.achieved_reward_campaign_id === null ? undefined : String(row.achieved_reward_campaign_id),
    achievedTierId: row.achieved_tier_id ?? undefined,
  };
}
