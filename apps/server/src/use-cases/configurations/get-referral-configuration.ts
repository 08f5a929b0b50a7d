import type { components } from '@gameball-open/server-types';
import { referralConfigurationView } from '../../domain/referrals/referral-views.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';

/** GET /configurations/referrals: the account's referral program, its description in `lang`; 4xx when it runs none. */
export async function getReferralConfiguration({ account }: Scope, lang: string | undefined): Promise<components['schemas']['ReferralConfiguration']> {
  const { referral, defaultLanguage } = account.program;
  if (!referral) throw errors.noReferralProgram();
  return referralConfigurationView(referral, lang, defaultLanguage);
}
