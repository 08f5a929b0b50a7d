import { later, sql } from '../../store/sql.js';
import type { Unit } from '../points/unit.js';

/** Activity types that are not ledger entries (those are listed from the ledger itself), recorded in `activities`. */
export const RECORDED_ACTIVITY_TYPES = ['TierUpgraded', 'TierDowngraded', 'SuccessfulAction', 'Referral', 'Referred', 'CampaignRewarded', 'ReferralBonusReward'] as const;
export type ActivityType = (typeof RECORDED_ACTIVITY_TYPES)[number];

/** Ledger entries are listed as activities numbered entry id x SLOTS; recorded activities fill the numbers between. */
export const SLOTS = 1024;

/**
 * Inserts an activity numbered right after the customer's last ledger entry (entry id x SLOTS)
 * or last recorded activity, whichever is later, skipping the multiples of SLOTS (the ledger's).
 * One statement, so nothing waits for the number: the last entry and the last activity are each
 * one index lookup, the ledger by (account_id, customer_id, id) from the newest entry down
 * (`customer_pk` only tells a re-created customerId from its deleted predecessor, whose entries
 * all come before), the activities by (customer_pk, activity_id).
 */
const INSERT = sql(
  `INSERT INTO activities (account_id, customer_pk, activity_id, type, details, created_at)
   SELECT ?, ?, n + CASE WHEN n % ${SLOTS} = 0 THEN 1 ELSE 0 END, ?, ?, ?
   FROM (SELECT CASE WHEN entry * ${SLOTS} > activity THEN entry * ${SLOTS} ELSE activity END + 1 AS n
         FROM (SELECT CAST(coalesce((SELECT id FROM ledger_entries WHERE account_id = ? AND customer_id = ? AND customer_pk = ?
                                     ORDER BY id DESC LIMIT 1), 0) AS bigint) AS entry,
                      CAST(coalesce((SELECT activity_id FROM activities WHERE customer_pk = ? ORDER BY activity_id DESC LIMIT 1), 0) AS bigint) AS activity
              ) AS last
        ) AS next`,
);

/**
 * Records an activity of the unit's customer (GET /customers/{id}/activities), where it happened
 * among the entries. Runs under the customer's lock, so numbers never collide; sent without
 * waiting (PostgreSQL runs it after the entries sent before it).
 * Note: campaign achievements that wrote an AchievementReward entry are listed from the ledger as
 * CampaignRewarded already; record CampaignRewarded here only for achievements without an entry.
 */
export async function recordActivity(unit: Unit, type: ActivityType, details: Record<string, unknown>): Promise<void> {
  const { customer } = unit;
  await later(unit.q, INSERT, [
    unit.account.id, customer.id, type, JSON.stringify(details), unit.now, customer.account_id, customer.customer_id, customer.id, customer.id,
  ]);
}
