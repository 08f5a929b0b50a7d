import { sql, type Statement } from '../store/sql.js';
import { withCustomer } from '../use-cases/with-customer.js';
import { DUE_WORK_INTERVAL_MS, type Job, type JobScope } from './job.js';

const BATCH = 100;

/** Wallets whose next due instant has passed, of the accounts this process serves. */
function dueWallets(accountCount: number): Statement {
  return sql(
    `SELECT customer_pk, account_id FROM wallets WHERE next_due_at IS NOT NULL AND next_due_at <= ?
     AND account_id IN (${Array.from({ length: accountCount }, () => '?').join(', ')}) ORDER BY next_due_at LIMIT ${BATCH}`,
  );
}

/**
 * Settles every wallet whose next due instant has passed (pending points turning active, points
 * and holds expiring), each in its customer's unit of work, which re-reads the wallet under the
 * lock: a wallet another process settled meanwhile has nothing due. Answers how many it settled.
 */
export const settleWallets: Job = {
  name: 'settle-wallets',
  intervalMs: DUE_WORK_INTERVAL_MS,
  async runDue({ store, accounts, clock }: JobScope, now: Date): Promise<number> {
    const ids = accounts.all().map((account) => account.id);
    const due = dueWallets(ids.length);
    const settled = new Set<number>();
    for (;;) {
      const rows = await store.all<{ customer_pk: number; account_id: string }>(due, [now.toISOString(), ...ids]);
      const fresh = rows.filter((row) => !settled.has(row.customer_pk));
      for (const row of fresh) {
        settled.add(row.customer_pk);
        const account = accounts.byId(row.account_id)!;
        await withCustomer({ store, account, clock }, { customerPk: row.customer_pk }, null, async () => undefined);
      }
      if (fresh.length === 0 || rows.length < BATCH) return settled.size;
    }
  },
};
