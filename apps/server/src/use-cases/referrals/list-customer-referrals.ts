import type { components, QueryParams } from '@gameball-open/server-types';
import { requireCustomer } from '../../domain/customers/customer-store.js';
import { referredFriends } from '../../domain/referrals/referral-reads.js';
import type { Scope } from '../../scope.js';

/** GET /customers/{customerId}/referrals: the customer's referred friends, Pending and Active, a page at a time. */
export async function listCustomerReferrals(
  { store, account }: Scope,
  customerId: string,
  query: QueryParams<'listCustomerReferrals'>,
): Promise<components['schemas']['ReferredFriendPage']> {
  const referrer = await requireCustomer(store, account.id, customerId);
  return referredFriends(store, referrer.id, query.startAfter ?? 0, query.limit ?? 50);
}
