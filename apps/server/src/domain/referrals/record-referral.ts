import { errors } from '../../errors.js';
import type { CustomerRow } from '../../store/schema.js';
import { sql, type Queryable } from '../../store/sql.js';
import type { ReferralsProgram } from './referral-config.js';
import { insertReferral } from './referral-store.js';

const REFERRER_BY_CODE = sql('SELECT id, customer_id FROM customers WHERE account_id = ? AND referral_code = ? AND deleted_at IS NULL');
const SET_REFERRER_CODE = sql('UPDATE customers SET referrer_code = ? WHERE id = ?');

/** The live customer whose referral code this is. */
export function findReferrer(q: Queryable, accountId: string, code: string): Promise<{ id: number; customer_id: string } | undefined> {
  return q.get<{ id: number; customer_id: string }>(REFERRER_BY_CODE, [accountId, code]);
}

/**
 * A friend's `referrerCode` on POST /customers, inside the upsert's transaction.
 * An unknown code is ignored (the customer is still created or updated, nobody is rewarded); so
 * is a code sent after the registration window. One's own code is refused (422/7006); a friend
 * already referred by someone else is refused (422/7002; the same code again changes nothing).
 * A valid code records a Pending referral; it turns Active when the friend does the program's action.
 */
export async function recordReferral(tx: Queryable, account: { id: string; program: ReferralsProgram }, friend: CustomerRow, code: string, now: string): Promise<void> {
  const program = account.program.referral;
  if (!program) return;
  const referrer = await findReferrer(tx, account.id, code);
  if (!referrer) return;
  if (referrer.id === friend.id) throw errors.selfReferral();
  if (friend.referrer_code !== null) {
    if (friend.referrer_code === code) return;
    throw errors.alreadyReferred(friend.customer_id);
  }
  const windowEnds = Date.parse(friend.created_at) + program.registrationWindowMinutes * 60_000;
  if (Date.parse(now) > windowEnds) return;
  if (!(await insertReferral(tx, account.id, friend.id, referrer.id, now))) throw errors.alreadyReferred(friend.customer_id);
  await tx.run(SET_REFERRER_CODE, [code, friend.id]);
  friend.referrer_code = code;
}
