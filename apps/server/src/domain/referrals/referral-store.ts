import { sql, type Queryable, type Statement } from '../../store/sql.js';

/** A referral as stored: a friend (referred once) and the customer whose code they used. */
export interface ReferralRow {
  id: number;
  account_id: string;
  friend_pk: number;
  referrer_pk: number;
  status: 'Pending' | 'Active';
  created_at: string;
  activated_at: string | null;
  /**
   * The referrer's reward: null until the referral is Active, then 'due' until given, then 'done';
   * 'failed' when the retry job's attempts all failed (each one logged).
   */
  referrer_reward: 'due' | 'done' | 'failed' | null;
  referrer_rewarded_at: string | null;
  /** Failed attempts to give the referrer's reward, and when the retry job may try again. */
  referrer_reward_attempts: number;
  referrer_reward_retry_at: string | null;
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
const FAILED_ATTEMPT = sql(
  `UPDATE referrals SET referrer_reward_attempts = referrer_reward_attempts + 1, referrer_reward_retry_at = ?,
   referrer_reward = CASE WHEN referrer_reward_attempts + 1 >= ? THEN 'failed' ELSE referrer_reward END
   WHERE id = ? AND referrer_reward = 'due'`,
);

export interface DueReward {
  id: number;
  account_id: string;
  referrer_reward_attempts: number;
}

/** How many times the retry job tries a referrer's reward before marking it 'failed'. */
export const REWARD_ATTEMPTS = 8;
/** The wait after the first failed attempt; it doubles with each further one (1 minute ... about 2 hours). */
const FIRST_RETRY_MS = 60_000;

/**
 * The referrer rewards due for the given accounts and not waiting for a retry, oldest first, a
 * batch at a time. Restricted to the accounts the process serves, so rows of accounts it does not
 * know cannot fill every batch and starve the rest.
 */
export function dueRewardsStatement(accountCount: number): Statement {
  const list = Array.from({ length: Math.max(accountCount, 1) }, () => '?').join(', ');
  return sql(
    `SELECT id, account_id, referrer_reward_attempts FROM referrals WHERE referrer_reward = 'due' AND account_id IN (${list})
     AND (referrer_reward_retry_at IS NULL OR referrer_reward_retry_at <= ?) ORDER BY id LIMIT 100`,
  );
}

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

/** Referrals of these accounts whose referrer's reward is due, not yet given and not waiting for a retry. */
export function dueReferrerRewards(q: Queryable, accountIds: readonly string[], now: string): Promise<DueReward[]> {
  if (accountIds.length === 0) return Promise.resolve([]);
  return q.all<DueReward>(dueRewardsStatement(accountIds.length), [...accountIds, now]);
}

/**
 * Counts a failed attempt at the referrer's reward: the next one waits 1, 2, 4 ... minutes; the
 * REWARD_ATTEMPTS-th failure marks the reward 'failed'.
 */
export async function recordFailedReward(q: Queryable, id: number, attemptsBefore: number, now: Date): Promise<void> {
  const retryAt = new Date(now.getTime() + FIRST_RETRY_MS * 2 ** Math.min(attemptsBefore, 20)).toISOString();
  await q.run(FAILED_ATTEMPT, [retryAt, REWARD_ATTEMPTS, id]);
}
