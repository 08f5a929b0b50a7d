import type { components } from '@gameball-open/server-types';
import { findCustomer } from '../../domain/customers/customer-store.js';
import { findReferrer } from '../../domain/referrals/record-referral.js';
import type { Scope } from '../../scope.js';

/** GET /referrals/validate: the code is a live customer's, and not the asking customer's own. */
export async function validateReferrerCode(
  { store, account }: Scope,
  code: string,
  forCustomerId: string | undefined,
): Promise<components['schemas']['ReferralCodeValidation']> {
  const referrer = await findReferrer(store, account.id, code);
  if (!referrer) return { isValid: false };
  if (forCustomerId === undefined) return { isValid: true };
  const asking = await findCustomer(store, account.id, forCustomerId);
  return { isValid: asking?.id !== referrer.id };
}
