import { sql } from '../../store/sql.js';
import type { Unit } from '../points/unit.js';

/** Activity types that are not ledger entries (those are listed from the ledger itself), recorded in `activities`. */
export const RECORDED_ACTIVITY_TYPES = ['TierUpgraded', 'TierDowngraded', 'SuccessfulAction', 'Referral', 'Referred', 'CampaignRewarded', 'ReferralBonusReward'] as const;
export type ActivityType = (typeof RECORDED_ACTIVITY_TYPES)[number];

/** Ledger entries are listed as activities numbered entry id x SLOTS; recorded activities fill the numbers between. */
export const SLOTS = 1024;

/**
 * The customer's last ledger entry and last recorded activity, each one index lookup: the ledger
 * by (account_id, customer_id, id) from the newest entry down (`customer_pk` only tells a
 * re-created customerId from its deleted predecessor, whose entries all come before), the
 * activities by (customer_pk, activity_id).
 */
const LAST = sql(
  `SELECT (SELECT id FROM ledger_entries WHERE account_id = ? AND customer_id = ? AND customer_pk = ? ORDER BY id DESC LIMIT 1) AS entry,
          (SELECT activity_id FROM activities WHERE customer_pk = ? ORDER BY activity_id DESC LIMIT 1) AS activity`,
);
const INSERT = sql('INSERT INTO activities (account_id, customer_pk, activity_id, type, details, created_at) VALUES (?, ?, ?, ?, ?, ?)');

/**
 * Records an activity of the unit's customer (GET /customers/{id}/activities). Its number comes
 * right after the customer's last ledger entry (or last activity), so the listing shows it where
 * it happened among the entries. Runs under the customer's lock, so numbers never collide.
 * Note: campaign achievements that wrote an AchievementReward entry are listed from the ledger as
 * CampaignRewarded already; record CampaignRewarded here only for achievements without an entry.
 */
export async function recordActivity(unit: Unit, type: ActivityType, details: Record<string, unknown>): Promise<void> {
  const { customer } = unit;
  const last = await unit.q.get<{ entry: number | null; activity: number | null }>(LAST, [
    customer.account_id, customer.customer_id, customer.id, customer.id,
  ]);
  let id = Math.max(Number(last?.entry ?? 0) * SLOTS, Number(last?.activity ?? 0)) + 1;
  if (id % SLOTS === 0) id += 1; // multiples of SLOTS are the ledger's
  await unit.q.run(INSERT, [unit.account.id, customer.id, id, type, JSON.stringify(details), unit.now]);
}
