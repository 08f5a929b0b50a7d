import { recordActivity, type ActivityType } from '../activities/record-activity.js';
import { notify } from '../notifications/notify.js';
import { expiryFrom } from '../points/expiry.js';
import type { ProgramUnit } from '../points/unit.js';
import type { Program } from '../program/program.js';
import type { ReferralReward } from './referral-config.js';

/**
 * Gives one referral reward to the unit's customer: an AchievementReward entry with the points
 * and score (none when both are 0, e.g. a voucher-only reward), and the activity. The entry's
 * transactionId is `referral-<referral id>-<role>`. Once-only comes from the referral's state,
 * changed in the same unit (Pending -> Active for the friend, due -> done for the referrer);
 * the ledger has no unique index on transactionIds.
 */
export async function giveReferralReward(
  unit: ProgramUnit<Program>,
  reward: ReferralReward,
  referralId: number,
  role: 'friend' | 'referrer' | 'bonus',
  activity: ActivityType | 'ReferralBonusReward',
): Promise<void> {
  if (reward.point > 0 || reward.score > 0) {
    await unit.append({
      kind: 'referral',
      transactionId: `referral-${referralId}-${role}`,
      type: 'AchievementReward',
      points: reward.point,
      score: reward.score,
      amount: null,
      status: 'Active',
      transactionTime: unit.now,
      achievementName: role === 'bonus' ? 'Referral bonus' : role === 'friend' ? 'Referred by a friend' : 'Referred a friend',
      expiryDate: expiryFrom(unit.account.program, unit.now),
    });
  }
  // ReferralBonusReward is an activity type of the spec that the activities work may not list yet.
  await recordActivity(unit, activity as ActivityType, { referralId, points: reward.point, score: reward.score });
  await notify(unit, 'referral', { points: reward.point, score: reward.score }, null);
}
