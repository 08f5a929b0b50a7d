import { later, sql } from '../../store/sql.js';
import { recordActivity } from '../activities/record-activity.js';
import { notify } from '../notifications/notify.js';
import { claimNewTransactionId, claimTransactionId } from '../points/claims.js';
import type { ProgramUnit } from '../points/unit.js';
import { expiryFrom } from '../points/expiry.js';
import { textIn } from '../program/local-text.js';
import type { Tier, TieredProgram } from './tier-config.js';
import { qualifiesFor, tierAbove, tierOf } from './tier-ladder.js';

const SET_TIER = sql('UPDATE customers SET tier_order = ? WHERE id = ?');

/**
 * Moves the customer to the highest tier their progress qualifies for, granting each crossed
 * tier's entry reward once and in order. Runs at the end of every unit of work, so it reads only
 * what the unit holds (the wallet and the locked customer row) and writes nothing unless the
 * tier changes. Granting an entry reward can raise progress again (tiering by points earned or
 * score), so it climbs one tier at a time until the next one is out of reach.
 *
 * Downgrades are not evaluated: a tier, once reached, is kept (no activity window is modelled).
 * An opted-out customer earns no rewards, so does not move either.
 */
export async function evaluateTier(unit: ProgramUnit<TieredProgram>): Promise<void> {
  if (unit.customer.is_active === 0) return;
  const tiers = unit.account.program.tiers;
  const start = tierOf(tiers, unit.customer.tier_order);
  if (!start) return;
  let current = start;
  for (let next = tierAbove(tiers, current); next && qualifiesFor(tiers, unit, next); next = tierAbove(tiers, current)) {
    await enterTier(unit, next);
    current = next;
  }
  if (current !== start) {
    await later(unit.q, SET_TIER, [current.order, unit.customer.id]);
    unit.customer.tier_order = current.order;
  }
}

/** The entry reward (points and score, AchievementReward), the TierUpgraded activity and a notification. */
async function enterTier(unit: ProgramUnit<TieredProgram>, tier: Tier): Promise<void> {
  const { program } = unit.account;
  const name = textIn(tier.name, program.defaultLanguage, program.defaultLanguage);
  const { walletReward, rankReward } = tier.benefits;
  // Claimed like a client's transactionId, so an entry reward is granted once even if the stored
  // tier were ever behind (the number would count requalifications, were downgrades modelled).
  // A customer created by this unit has claimed nothing yet: its claim needs no answer.
  const transactionId = `tier-${tier.id}-${unit.customer.id}-1`;
  if (unit.created) await claimNewTransactionId(unit.q, unit.account.id, 'tier', transactionId, unit.now);
  else if (!(await claimTransactionId(unit.q, unit.account.id, 'tier', transactionId, unit.now))) return;
  if (walletReward > 0 || rankReward > 0) {
    await unit.append({
      kind: 'tier',
      transactionId,
      type: 'AchievementReward',
      points: walletReward,
      score: rankReward,
      amount: null,
      status: 'Active',
      transactionTime: unit.now,
      expiryDate: walletReward > 0 ? expiryFrom(program, unit.now) : null,
      achievedTierId: tier.id,
      achievementName: name,
    });
  }
  await recordActivity(unit, 'TierUpgraded', { tierId: tier.id, tierOrder: tier.order, points: walletReward, score: rankReward, transactionId });
  await notify(unit, 'tierUpgraded', { tierId: tier.id, points: walletReward, score: rankReward }, tier.icon);
}
