import type { WebhookDeliveryRow } from '../../store/schema.js';
import { sql, type Queryable, type Statement } from '../../store/sql.js';
import { CLAIM_LEASE_MS, MAX_ATTEMPTS, type AfterAttempt } from './retry-schedule.js';

/** A delivery taken for one attempt: `attempt` is its number (1 = the first). */
export interface ClaimedDelivery {
  id: number;
  accountId: string;
  body: string;
  attempt: number;
}

/** What the receiver did: its status and the start of its body, or why there was no answer. */
export interface Answer {
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
}

/** Shown as the last answer while an attempt is under way; the attempt's own answer replaces it. */
export const INTERRUPTED = 'no answer recorded yet: the attempt is under way, or the sender stopped during it';

const ANY_DUE = sql("SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? LIMIT 1");
const RECORD = sql(
  `UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status = ?, last_body = ?, last_error = ?, last_duration_ms = ?
   WHERE id = ? AND attempts = ? AND status = 'pending'`,
);
const claims = new Map<number, Statement>();

/**
 * Due rows of these accounts, oldest due first, claimed by one statement: each one's attempt is
 * counted, and `next_attempt_at` moves to the end of a lease, so no other round (of this or
 * another process) takes it while it is being sent. On PostgreSQL, `SKIP LOCKED` lets two
 * processes claim side by side without waiting on each other or taking the same row; the pick
 * is a materialized CTE so that it runs once (a subquery under IN may be rescanned and pass its
 * LIMIT), and the due condition is checked again on a row another claim changed meanwhile.
 */
function claimStatement(accounts: number): Statement {
  let statement = claims.get(accounts);
  if (!statement) {
    const ids = Array.from({ length: accounts }, () => '?').join(', ');
    statement = sql(
      `WITH picked AS MATERIALIZED (
         SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? AND account_id IN (${ids})
         ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
       UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?, last_error = ?
       WHERE id IN (SELECT id FROM picked) AND status = 'pending' AND next_attempt_at <= ?
       RETURNING id, account_id, body, attempts`,
    );
    claims.set(accounts, statement);
  }
  return statement;
}

/** Claims up to `limit` due deliveries of the accounts for an attempt begun at `now`. */
export async function claimDue(q: Queryable, accountIds: readonly string[], now: Date, limit: number): Promise<ClaimedDelivery[]> {
  const at = now.toISOString();
  if (accountIds.length === 0 || !(await q.get(ANY_DUE, [at]))) return [];
  const leaseEnd = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
  const rows = await q.all<Pick<WebhookDeliveryRow, 'id' | 'account_id' | 'body' | 'attempts'>>(claimStatement(accountIds.length), [at, ...accountIds, limit, at, leaseEnd, INTERRUPTED, at]);
  return rows
    .map((row) => ({ id: Number(row.id), accountId: row.account_id, body: row.body, attempt: Number(row.attempts) }))
    .sort((a, b) => a.id - b.id);
}

/**
 * Records an attempt's answer and what follows; only while the row is still this attempt's (a
 * sender that outlived its lease finds it taken again and records nothing). An attempt past the
 * last one (a claim whose sender died during the last retry) is dropped without sending.
 */
export async function recordAttempt(q: Queryable, delivery: ClaimedDelivery, answer: Answer, next: AfterAttempt): Promise<boolean> {
  const attempts = Math.min(delivery.attempt, MAX_ATTEMPTS);
  const changed = await q.run(RECORD, [
    next.status, attempts, next.nextAttemptAt, answer.status, answer.body, answer.error, Math.round(answer.durationMs), delivery.id, delivery.attempt,
  ]);
  return changed === 1;
}

/** How many deliveries of these accounts are still to be sent: due now or waiting for a retry (the sender's backlog). */
export async function countPendingDeliveries(q: Queryable, accountIds: readonly string[]): Promise<number> {
  if (accountIds.length === 0) return 0;
  const list = accountIds.map(() => '?').join(', ');
  const row = await q.get<{ n: number | string }>(sql(`SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status = 'pending' AND account_id IN (${list})`), [...accountIds]);
  return Number(row?.n ?? 0);
}
