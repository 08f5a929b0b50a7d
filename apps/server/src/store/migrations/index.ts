import type { Migration } from '../migrator.js';
import { customersAndLedger } from './0001-customers-and-ledger.js';
import { pointsEconomics } from './0002-points-economics.js';
import { materializedWallets } from './0003-materialized-wallets.js';
import { engagement } from './0004-engagement.js';
import { orders } from './0005-orders.js';
import { campaigns } from './0006-campaigns.js';
import { tiersNotificationsActivities } from './0007-tiers-notifications-activities.js';
import { referralsAndMerging } from './0008-referrals-and-merging.js';
import { referralRewardRetries } from './0009-referral-reward-retries.js';
import { leaderboardTotals } from './0010-leaderboard-totals.js';
import { orderBasePoints } from './0011-order-base-points.js';
import { coupons } from './0012-coupons.js';
import { batches } from './0013-batches.js';
import { webhooks } from './0014-webhooks.js';
import { ledgerIdsBigint } from './0015-ledger-ids-bigint.js';

/** Every migration, oldest first. Add new ones at the end; never edit a released one. */
export const migrations: readonly Migration[] = [
  customersAndLedger,
  pointsEconomics,
  materializedWallets,
  engagement,
  orders,
  campaigns,
  tiersNotificationsActivities,
  referralsAndMerging,
  referralRewardRetries,
  leaderboardTotals,
  orderBasePoints,
  coupons,
  batches,
  webhooks,
  ledgerIdsBigint,
];
