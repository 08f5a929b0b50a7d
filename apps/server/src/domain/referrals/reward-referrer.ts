import type { AccountDirectory } from '../../accounts.js';
import type { Clock } from '../../clock.js';
import type { Scope } from '../../scope.js';
import { sql } from '../../store/sql.js';
import type { Store } from '../../store/store.js';
import { withCustomer } from '../points/unit-of-work.js';
import { dueReferrerRewards, markReferrerRewarded, recordFailedReward, referralById } from './referral-store.js';
import { giveReferralReward } from './referral-rewards.js';

const SET_FRIENDS_REFERRED = sql('UPDATE customers SET friends_referred = ? WHERE id = ?');

/**
 * Gives the referrer of an Active referral their due reward, in the referrer's own unit of work:
 * one more friend referred, the player reward, and every `rewardEvery` friends the extra reward;
 * the referral's reward is marked done in the same unit, so it happens exactly once whoever runs
 * it (the friend's request after commit, or the sweeper). An opted-out referrer counts the friend
 * but earns nothing.
 */
export async function rewardReferrer(scope: Scope, referralId: number): Promise<void> {
  const referral = await referralById(scope.store, referralId);
  if (!referral || referral.referrer_reward !== 'due') return;
  await withCustomer(scope, { customerPk: referral.referrer_pk }, null, async (unit) => {
    const program = unit.account.program.referral;
    if (!(await markReferrerRewarded(unit.q, referralId, unit.now))) return; // given by someone else meanwhile
    const friends = Number(unit.customer.friends_referred) + 1;
    await unit.q.run(SET_FRIENDS_REFERRED, [friends, unit.customer.id]);
    unit.customer.friends_referred = friends;
    if (!program || unit.customer.is_active === 0 || unit.customer.deleted_at !== null) return;
    await giveReferralReward(unit, program.playerReward, referralId, 'referrer', 'Referral');
    const extra = program.playerReward.extraReward;
    if (extra && friends % extra.rewardEvery === 0) await giveReferralReward(unit, extra, referralId, 'bonus', 'ReferralBonusReward');
  });
}

/** Told of each referrer reward that failed (the sweeper logs it); the reward is retried later. */
export type RewardFailure = (error: unknown, referralId: number, attempts: number) => void;

/**
 * The sweeper's pass over the accounts it serves: referrer rewards still due (the process stopped
 * between the two units, or an earlier attempt failed). Each reward is its own unit of work: one
 * that fails (say the referrer's balance would pass the limit, 3011) is reported, counted and
 * retried later with a back-off (see recordFailedReward), and the pass goes on with the next.
 * Answers how many it gave.
 */
export async function giveDueReferrerRewards(
  store: Store, accounts: AccountDirectory, clock: Clock, onFailure: RewardFailure,
): Promise<number> {
  const ids = accounts.all().map((account) => account.id);
  let given = 0;
  for (const row of await dueReferrerRewards(store, ids, clock.now().toISOString())) {
    const account = accounts.byId(row.account_id);
    if (!account) continue;
    try {
      await rewardReferrer({ store, account, clock }, Number(row.id));
      given++;
    } catch (error) {
      const attempts = Number(row.referrer_reward_attempts);
      onFailure(error, Number(row.id), attempts + 1);
      await recordFailedReward(store, Number(row.id), attempts, clock.now());
    }
  }
  return given;
}
