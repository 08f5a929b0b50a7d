import { sql } from '../../store/sql.js';
import type { Unit } from '../points/unit.js';

/** Activity types that are not ledger entries (those are listed from the ledger itself). */
export type ActivityType = 'TierUpgraded' | 'TierDowngraded' | 'SuccessfulAction' | 'Referral' | 'Referred' | 'CampaignRewarded' | 'ReferralBonusReward';

/** Ledger entries are listed as activities numbered entry id x SLOTS; recorded activities fill the numbers between. */
export const SLOTS = 1024;

const LAST = sql(
  `SELECT (SELECT coalesce(max(id), 0) FROM ledger_entries WHERE customer_pk = ?) AS entry,
          (SELECT coalesce(max(activity_id), 0) FROM activities WHERE customer_pk = ?) AS activity`,
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
  const last = await unit.q.get<{ entry: number; activity: number }>(LAST, [unit.customer.id, unit.customer.id]);
  let id = Math.max(Number(last?.entry ?? 0) * SLOTS, Number(last?.activity ?? 0)) + 1;
  if (id % SLOTS === 0) id += 1; // multiples of SLOTS are the ledger's
  await unit.q.run(INSERT, [unit.account.id, unit.customer.id, id, type, JSON.stringify(details), unit.now]);
}
