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

/** A ledger entry as the API shows it. */
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
    couponCode: null,
    isCouponUsed: false,
    couponType: null,
    merchantName: row.merchant_name,
    branchName: row.branch_name,
    reason: row.reason,
    achievementName: row.achievement_name,
    expiryDate: row.expiry_date,
    pointsBalanceBefore: row.balance_before,
    pointsBalanceAfter: row.balance_after,
    achievementType: row.achieved_tier_id !== null ? 'Tier' : row.achieved_reward_campaign_id !== null ? 'RewardCampaign' : null,
    achievedRewardCampaignId: row.achieved_reward_campaign_id === null ? null : String(row.achieved_reward_campaign_id),
    achievedTierId: row.achieved_tier_id,
  };
}
