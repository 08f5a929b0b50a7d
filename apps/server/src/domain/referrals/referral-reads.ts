import type { components } from '@gameball-open/server-types';
import { sql, type Queryable } from '../../store/sql.js';

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

/** A page of the referrer's live friends, Pending and Active, in ascending gameballId order after `startAfter`. */
export async function referredFriends(q: Queryable, referrerPk: number, startAfter: number, limit: number): Promise<Schemas['ReferredFriendPage']> {
  const rows = await q.all<FriendRow>(FRIENDS, [referrerPk, startAfter, limit + 1]);
  const page = rows.slice(0, limit);
  return { referredFriends: page.map(friendOf), count: page.length, hasMore: rows.length > limit };
}

/** How many live friends the referrer has, in all and by status. */
export async function referralCounts(q: Queryable, referrerPk: number): Promise<Schemas['ReferralCount']> {
  const row = await q.get<{ total: number; active: number }>(COUNTS, [referrerPk]);
  const total = Number(row?.total ?? 0);
  const active = Number(row?.active ?? 0);
  return { count: total, totalPending: total - active, totalActive: active };
}
