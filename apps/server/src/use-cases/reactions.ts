import type { Account } from '../accounts.js';
import { awardHighScore, welcomeCustomer } from '../domain/campaigns/built-in-campaigns.js';
import type { Reaction } from '../domain/points/unit-of-work.js';
import { evaluateTier } from '../domain/tiers/evaluate-tier.js';
import { queueNotificationPush, queueProfileUpdate } from '../domain/webhooks/outbox.js';

/**
 * What follows a change of a customer's points, in every unit of work, in this order. A new
 * reaction is one more line here; points/ knows none of them.
 */
export const REACTIONS: readonly Reaction<Account>[] = [
  // A new customer gets the SignUp campaigns, once, before the operation's own work.
  { onCreated: welcomeCustomer },
  // The tier follows the points and score the work moved.
  { afterWork: evaluateTier },
  // HighScore campaigns whose target the score crossed in this unit; their points may move the tier again.
  {
    afterWork: async (unit, start) => {
      if ((await awardHighScore(unit, start.score)).length > 0) await evaluateTier(unit);
    },
  },
  // Webhooks, into the outbox of the same transaction: a notification push for each notification
  // as it is created, and last, once the others are done, one profile update if the unit changed it.
  { onEvent: queueNotificationPush, afterWork: queueProfileUpdate },
];
