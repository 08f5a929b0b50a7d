import type { Logger } from 'pino';
import type { AccountDirectory } from '../accounts.js';
import type { Clock } from '../clock.js';
import { awardCalendarCampaigns } from '../domain/campaigns/calendar-campaigns.js';
import { withCustomer } from '../domain/points/unit-of-work.js';
import { giveDueReferrerRewards } from '../domain/referrals/reward-referrer.js';
import { sql, type Statement } from '../store/sql.js';
import type { Store } from '../store/store.js';

/** How often the sweeper looks for due work: pending points turning active, points and holds expiring. */
export const SWEEP_INTERVAL_MS = 500;
const BATCH = 100;

export interface DueWork {
  /** Writes everything due by the clock now; answers how many customers it settled. */
  runOnce(): Promise<number>;
  start(): void;
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

export interface SweeperDeps {
  store: Store;
  accounts: AccountDirectory;
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
}

/**
 * The due-work sweeper: finds wallets whose next due instant has passed and settles each
 * through the unit of work, under the customer's lock. Several processes may sweep one
 * PostgreSQL database: the lock and the re-read of the wallet make each item written once.
 */
export function dueWorkSweeper({ store, accounts, clock, logger, intervalMs = SWEEP_INTERVAL_MS }: SweeperDeps): DueWork {
  const ids = accounts.all().map((account) => account.id);
  const due: Statement = sql(
    `SELECT customer_pk, account_id FROM wallets WHERE next_due_at IS NOT NULL AND next_due_at <= ?
     AND account_id IN (${ids.map(() => '?').join(', ')}) ORDER BY next_due_at LIMIT ${BATCH}`,
  );
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  /** The UTC day whose Birthday and Anniversary campaigns this process has given out. */
  let calendarDay = '';

  /** Settles every wallet whose next due instant has passed; answers how many. */
  async function settleWallets(): Promise<number> {
    const settled = new Set<number>();
    for (;;) {
      const rows = await store.all<{ customer_pk: number; account_id: string }>(due, [clock.now().toISOString(), ...ids]);
      const fresh = rows.filter((row) => !settled.has(row.customer_pk));
      for (const row of fresh) {
        settled.add(row.customer_pk);
        const account = accounts.byId(row.account_id)!;
        await withCustomer({ store, account, clock }, { customerPk: row.customer_pk }, null, async () => undefined);
      }
      if (fresh.length === 0 || rows.length < BATCH) return settled.size;
    }
  }

  /**
   * Wallets first: pending points turning active and expiries are everyone's due work, and must
   * not wait on the engagement passes below. Those isolate each item (a referral reward, a
   * customer's calendar campaigns) in its own unit, log the ones that fail and go on.
   */
  async function sweep(): Promise<number> {
    const settled = await settleWallets();
    // Referrers' rewards left due when a process stopped between the friend's unit and the referrer's.
    await giveDueReferrerRewards(store, accounts, clock, (error, referralId, attempts) => {
      logger.error({ err: error, referralId, attempts }, "referrer's reward failed; retried later");
    });
    const today = clock.now().toISOString().slice(0, 10);
    if (today !== calendarDay) {
      for (const account of accounts.all()) {
        await awardCalendarCampaigns(store, account, clock, (error, customerPk) => {
          logger.error({ err: error, accountId: account.id, customerPk }, 'calendar campaigns failed for a customer; skipped today');
        });
      }
      // The day is done even when some customers failed (each was logged): no rescan every interval.
      calendarDay = today;
    }
    return settled;
  }

  function runOnce(): Promise<number> {
    // One sweep at a time per process; a caller arriving meanwhile gets a sweep that starts after it.
    const next = (running ?? Promise.resolve(0)).catch(() => 0).then(sweep);
    running = next;
    return next;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(async () => {
      try {
        await runOnce();
      } catch (error) {
        logger.error({ err: error }, 'due-work sweep failed; retrying at the next interval');
      }
      schedule();
    }, intervalMs);
    timer.unref();
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => 0);
    },
  };
}
