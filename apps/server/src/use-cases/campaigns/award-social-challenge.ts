import type { components } from '@gameball-open/server-types';
import { reportChallenge, socialCampaign } from '../../domain/campaigns/social-challenge.js';
import { errors, GameballError } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../with-customer.js';

type Schemas = components['schemas'];

/**
 * POST /customers/social-challenges: the shop reports a SocialMedia campaign done. Gameball
 * applies it asynchronously and answers 202; this server applies it at once, in the customer's
 * unit of work, under the campaign's eligibility and repeatability (an ineligible customer gets
 * nothing, still 202). Unknown customer or challenge: 404 (4004). Never creates a customer.
 */
export async function awardSocialChallenge(
  scope: Scope,
  body: Schemas['CampaignSocialChallengeRequest'],
): Promise<Schemas['CampaignSocialChallengeAccepted']> {
  const campaign = socialCampaign(scope.account.program, body.challengeId);
  try {
    await withCustomer(scope, { customerId: body.customerId }, null, (unit) => reportChallenge(unit, campaign));
  } catch (error) {
    if (error instanceof GameballError && error.code === 7000) throw errors.socialCustomerNotFound(body.customerId);
    throw error;
  }
  return { customerId: body.customerId, challengeId: body.challengeId };
}
