import { referralById } from '../../domain/referrals/referral-store.js';
import { rewardReferrerInUnit } from '../../domain/referrals/reward-referrer.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../with-customer.js';

/**
 * The referrer's reward of an Active referral, in the referrer's own unit of work (after the
 * friend's unit committed, or from the retry-referrer-rewards job); nothing when not due.
 */
export async function rewardReferrer(scope: Scope, referralId: number): Promise<void> {
  const referral = await referralById(scope.store, referralId);
  if (!referral || referral.referrer_reward !== 'due') return;
  await withCustomer(scope, { customerPk: referral.referrer_pk }, null, (unit) => rewardReferrerInUnit(unit, referralId));
}
