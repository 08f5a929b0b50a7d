import type { components, QueryParams } from '@gameball-open/server-types';
import type { Scope } from '../../scope.js';
import { sql } from '../../store/sql.js';
import { findCustomer, requireCustomer } from '../customers/customer-store.js';
import { findReferrer } from './record-referral.js';

type Schemas = components['schemas'];

interface FriendRow {
  friend_pk: number;
  status: 'Pending' | 'Active';
  customer_id: string;
  email: string | null;
  mobile: string | null;
  attributes: string;
  created_at: string;
}

const FRIENDS = sql(
  `SELECT r.friend_pk, r.status, c.customer_id, c.email, c.mobile, c.attributes, c.created_at
   FROM referrals r JOIN customers c ON c.id = r.friend_pk
   WHERE r.referrer_pk = ? AND r.friend_pk > ? AND c.deleted_at IS NULL ORDER BY r.friend_pk LIMIT ?`,
);
const COUNTS = sql(
  `SELECT count(*) AS total, coalesce(sum(CASE WHEN r.status = 'Active' THEN 1 ELSE 0 END), 0) AS active
   FROM referrals r JOIN customers c ON c.id = r.friend_pk WHERE r.referrer_pk = ? AND c.deleted_at IS NULL`,
);

/** GET /referrals/validate: the code is a live customer's, and not the asking customer's own. */
export async function validateReferrerCode({ store, account }: Scope, code: string, forCustomerId: string | undefined): Promise<Schemas['ReferralCodeValidation']> {
  const referrer = await findReferrer(store, account.id, code);
  if (!referrer) return { isValid: false };
  if (forCustomerId === undefined) return { isValid: true };
  const asking = await findCustomer(store, account.id, forCustomerId);
  return { isValid: asking?.id !== referrer.id };
}

function friendOf(row: FriendRow): Schemas['ReferredFriend'] {
  const attributes = JSON.parse(row.attributes) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  const fullName = [text(attributes.firstName), text(attributes.lastName)].filter((part) => part !== null).join(' ');
  return {
    gameballId: row.friend_pk,
    customerId: row.customer_id,
    // What the friend never gave is left out, never null.
    displayName: text(attributes.displayName) ?? text(fullName) ?? undefined,
    email: row.email ?? text(attributes.email) ?? undefined,
    mobileNumber: row.mobile ?? text(attributes.mobile) ?? undefined,
    joinDate: text(attributes.joinDate) ?? row.created_at,
    status: row.status,
  };
}

/** The customer's referred friends in ascending gameballId order after `startAfter`, Pending and Active. */
export async function listReferredFriends(scope: Scope, customerId: string, query: QueryParams<'listCustomerReferrals'>): Promise<Schemas['ReferredFriendPage']> {
  const referrer = await requireCustomer(scope.store, scope.account.id, customerId);
  const limit = query.limit ?? 50;
  const rows = await scope.store.all<FriendRow>(FRIENDS, [referrer.id, query.startAfter ?? 0, limit + 1]);
  const page = rows.slice(0, limit);
  return { referredFriends: page.map(friendOf), count: page.length, hasMore: rows.length > limit };
}

export async function countReferredFriends(scope: Scope, customerId: string): Promise<Schemas['ReferralCount']> {
  const referrer = await requireCustomer(scope.store, scope.account.id, customerId);
  const row = await scope.store.get<{ total: number; active: number }>(COUNTS, [referrer.id]);
  const total = Number(row?.total ?? 0);
  const active = Number(row?.active ?? 0);
  return { count: total, totalPending: total - active, totalActive: active };
}
