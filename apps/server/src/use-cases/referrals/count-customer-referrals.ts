import type { components } from '@gameball-open/server-types';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import { referralCounts } from '../../domain/referrals/referral-reads.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}/referrals/count: how many friends the customer referred, Pending and Active. */
export async function countCustomerReferrals({ store, account }: Scope, customerId: string): Promise<components['schemas']['ReferralCount']> {
  const referrer = await requireCustomer(store, account.id, customerId);
  return referralCounts(store, referrer.id);
}
