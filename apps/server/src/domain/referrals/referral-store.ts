import { sql, type Queryable } from '../../store/sql.js';

/** A referral as stored: a friend (referred once) and the customer whose code they used. */
export interface ReferralRow {
  id: number;
  account_id: string;
  friend_pk: number;
  referrer_pk: number;
  status: 'Pending' | 'Active';
  created_at: string;
  activated_at: string | null;
  /** The referrer's reward: null until the referral is Active, then 'due' until given, then 'done'. */
  referrer_reward: 'due' | 'done' | null;
  referrer_rewarded_at: string | null;
}

const INSERT = sql(
  "INSERT INTO referrals (account_id, friend_pk, referrer_pk, status, created_at) VALUES (?, ?, ?, 'Pending', ?) ON CONFLICT DO NOTHING",
);
const OF_FRIEND = sql('SELECT * FROM referrals WHERE friend_pk = ?');
const BY_ID = sql('SELECT * FROM referrals WHERE id = ?');
const ACTIVATE = sql(
  "UPDATE referrals SET status = 'Active', activated_at = ?, referrer_reward = 'due' WHERE id = ? AND status = 'Pending'",
);
const REWARDED = sql("UPDATE referrals SET referrer_reward = 'done', referrer_rewarded_at = ? WHERE id = ? AND referrer_reward = 'due'");
const DUE = sql("SELECT id, account_id FROM referrals WHERE referrer_reward = 'due' ORDER BY id LIMIT 100");

/** Records a Pending referral; answers false when the friend was already referred (also by a concurrent request). */
export async function insertReferral(q: Queryable, accountId: string, friendPk: number, referrerPk: number, now: string): Promise<boolean> {
  return (await q.run(INSERT, [accountId, friendPk, referrerPk, now])) > 0;
}

export function referralOfFriend(q: Queryable, friendPk: number): Promise<ReferralRow | undefined> {
  return q.get<ReferralRow>(OF_FRIEND, [friendPk]);
}

export function referralById(q: Queryable, id: number): Promise<ReferralRow | undefined> {
  return q.get<ReferralRow>(BY_ID, [id]);
}

/** Pending -> Active, with the referrer's reward now due; answers false when it was not Pending. */
export async function activateReferral(q: Queryable, id: number, now: string): Promise<boolean> {
  return (await q.run(ACTIVATE, [now, id])) > 0;
}

/** Marks the referrer's reward given; false when it already was. */
export async function markReferrerRewarded(q: Queryable, id: number, now: string): Promise<boolean> {
  return (await q.run(REWARDED, [now, id])) > 0;
}

/** Referrals whose referrer's reward is due and not yet given (oldest first, a batch at a time). */
export function dueReferrerRewards(q: Queryable): Promise<Array<{ id: number; account_id: string }>> {
  return q.all<{ id: number; account_id: string }>(DUE);
}
