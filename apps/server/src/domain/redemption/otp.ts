import { randomInt } from 'node:crypto';
import type { OtpRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';

/** How long a one-time password stays usable. */
export const OTP_MINUTES = 5;

const INSERT = sql('INSERT INTO otps (account_id, customer_pk, code, points, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)');
const LATEST = sql('SELECT * FROM otps WHERE customer_pk = ? ORDER BY id DESC LIMIT 1');

/** Stores a fresh six-digit code for one redemption or hold of `points`, usable for OTP_MINUTES (no SMS is sent). */
export async function issueOtp(q: Queryable, accountId: string, customerPk: number, points: number, now: Date): Promise<void> {
  const expiresAt = new Date(now.getTime() + OTP_MINUTES * 60_000).toISOString();
  await q.run(INSERT, [accountId, customerPk, String(randomInt(1_000_000)).padStart(6, '0'), points, expiresAt, now.toISOString()]);
}

/** The last code issued to the customer, if any. */
export function latestOtpOf(q: Queryable, customerPk: number): Promise<OtpRow | undefined> {
  return q.get<OtpRow>(LATEST, [customerPk]);
}
