import { sql } from '../../store/sql.js';
import type { ProgramUnit } from '../points/unit.js';
import type { ReferralsProgram } from './referral-config.js';
import { markReferrerRewarded } from './referral-store.js';
import { giveReferralReward } from './referral-rewards.js';

const SET_FRIENDS_REFERRED = sql('UPDATE customers SET friends_referred = ? WHERE id = ?');

/**
 * Gives the referrer of an Active referral their due reward, inside the referrer's own unit of
 * work: one more friend referred, the player reward, and every `rewardEvery` friends the extra
 * reward; the referral's reward is marked done in the same unit, so it happens exactly once
 * whoever runs it (the friend's request after commit, or the retry job). An opted-out referrer
 * counts the friend but earns nothing.
 */
export async function rewardReferrerInUnit(unit: ProgramUnit<ReferralsProgram>, referralId: number): Promise<void> {
  const program = unit.account.program.referral;
  if (!(await markReferrerRewarded(unit.q, referralId, unit.now))) return; // given by someone else meanwhile
  const friends = Number(unit.customer.friends_referred) + 1;
  await unit.q.run(SET_FRIENDS_REFERRED, [friends, unit.customer.id]);
  unit.customer.friends_referred = friends;
  if (!program || unit.customer.is_active === 0 || unit.customer.deleted_at !== null) return;
  await giveReferralReward(unit, program.playerReward, referralId, 'referrer', 'Referral');
  const extra = program.playerReward.extraReward;
  if (extra && friends % extra.rewardEvery === 0) await giveReferralReward(unit, extra, referralId, 'bonus', 'ReferralBonusReward');
}
