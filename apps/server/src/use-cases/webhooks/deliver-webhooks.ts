import type { AccountDirectory } from '../../accounts.js';
import type { Clock } from '../../clock.js';
import { claimDue, INTERRUPTED, recordAttempt, type Answer, type ClaimedDelivery } from '../../domain/webhooks/delivery-queue.js';
import { postWebhook } from '../../domain/webhooks/post-webhook.js';
import { afterAttempt, MAX_ATTEMPTS } from '../../domain/webhooks/retry-schedule.js';
import { loadSubscriptions } from '../../domain/webhooks/subscription.js';
import type { Store } from '../../store/sql.js';

/** Where the sender runs: the storage, every account this process serves, and the clock. */
export interface DeliveryScope {
  store: Store;
  accounts: AccountDirectory;
  clock: Clock;
}

/** Deliveries claimed at once, and how many of them are sent side by side. */
const BATCH = 64;
const PARALLEL = 16;
/** A round stops claiming more after this long, so the jobs behind it are not held up. */
const ROUND_BUDGET_MS = 2_000;

const isSuccess = (answer: Answer) => answer.status !== null && answer.status >= 200 && answer.status < 300;

/**
 * Sends the webhooks that are due: brings the subscriptions in step with the database, claims
 * due deliveries in batches (each claim counts the attempt and holds the row for a lease), POSTs
 * each to its account's URL as it is now, signed with the account's secret key, and records the
 * answer and what follows (delivered; a retry 5, 20 or 60 minutes after this attempt; dropped
 * after the third retry). At least once: if the process dies after a POST and before its record,
 * the row is sent again once the lease ends. Answers how many attempts it recorded.
 */
export async function deliverDueWebhooks({ store, accounts, clock }: DeliveryScope): Promise<number> {
  await loadSubscriptions(store, accounts.all());
  const ids = accounts.all().map((account) => account.id);
  const started = Date.now();
  let recorded = 0;
  for (;;) {
    const at = clock.now();
    const claimed = await claimDue(store, ids, at, BATCH);
    recorded += await inParallel(claimed, async (delivery) => attempt({ store, accounts, clock }, delivery, at));
    if (claimed.length < BATCH || Date.now() - started > ROUND_BUDGET_MS) return recorded;
  }
}

/** One attempt of a claimed delivery, recorded in its own transaction as soon as it is answered. */
async function attempt({ store, accounts }: DeliveryScope, delivery: ClaimedDelivery, at: Date): Promise<boolean> {
  const account = accounts.byId(delivery.accountId);
  let answer: Answer;
  if (delivery.attempt > MAX_ATTEMPTS || !account) {
    // The last attempt's sender died before recording it (or the account left the file): dropped unsent.
    answer = { status: null, body: null, error: account ? INTERRUPTED : 'the account is no longer served', durationMs: 0 };
  } else if (account.webhook.url === null) {
    answer = { status: null, body: null, error: 'no webhook subscription', durationMs: 0 };
  } else {
    answer = await postWebhook({ url: account.webhook.url, body: delivery.body, secretKey: account.secretKey, deliveryId: delivery.id });
  }
  const next = delivery.attempt > MAX_ATTEMPTS ? afterAttempt(MAX_ATTEMPTS, false, at) : afterAttempt(delivery.attempt, isSuccess(answer), at);
  return store.transaction((tx) => recordAttempt(tx, delivery, answer, next));
}

/** Runs `work` on every item with at most PARALLEL at a time; answers how many answered true. */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<boolean>): Promise<number> {
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < items.length) if (await work(items[next++]!)) done++;
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, lane));
  return done;
}
