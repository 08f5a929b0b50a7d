/** Minutes from a failed attempt to the next one: three retries, then the delivery is dropped. */
export const RETRY_DELAYS_MINUTES = [5, 20, 60] as const;

/** The first attempt and its retries. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

/** How long a receiver has to answer with a 2xx before the attempt counts as failed. */
export const ANSWER_TIMEOUT_MS = 10_000;

/**
 * How long a claim holds a row before another round (of this or another process) may take it
 * again: well past the answer timeout, so only a sender that died mid-attempt loses its rows.
 */
export const CLAIM_LEASE_MS = 60_000;

export type AfterAttempt = { status: 'delivered' | 'failed'; nextAttemptAt: null } | { status: 'pending'; nextAttemptAt: string };

/** What follows attempt number `attempt` (1 = the first), begun at `at`: delivered, a retry later, or dropped. */
export function afterAttempt(attempt: number, succeeded: boolean, at: Date): AfterAttempt {
  if (succeeded) return { status: 'delivered', nextAttemptAt: null };
  const delay = RETRY_DELAYS_MINUTES[attempt - 1];
  if (delay === undefined) return { status: 'failed', nextAttemptAt: null };
  return { status: 'pending', nextAttemptAt: new Date(at.getTime() + delay * 60_000).toISOString() };
}
