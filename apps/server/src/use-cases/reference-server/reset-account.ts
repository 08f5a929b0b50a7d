import type { ResponseBody } from '@gameball-open/server-types';
import { currentSubscription } from '../../domain/webhooks/subscription.js';
import type { Scope } from '../../scope.js';
import { accountRows } from '../../store/account-rows.js';
import { requireTools, type ReferenceTools } from './reference-tools.js';

/**
 * POST /_reference/reset: deletes every row of the calling account, in every table, in one
 * transaction, and brings what this process keeps in memory for it back to the accounts file
 * (the webhook endpoint). Other accounts' rows are never touched. The clock is the process's,
 * shared by every account, and only moves forward: it stays where it is.
 */
export async function resetAccount(context: Scope & ReferenceTools): Promise<ResponseBody<'resetAccount'>> {
  const { store, account } = requireTools(context);
  const removed: Record<string, number> = {};
  await store.transaction(async (tx) => {
    const rows = await accountRows(tx);
    // A table no rule ties to an account would keep its rows: refuse rather than half reset.
    if (rows.uncovered.length > 0) throw new Error(`resetAccount cannot tell whose rows these tables hold: ${rows.uncovered.join(', ')}`);
    for (const { table, delete: statement } of rows.tables) {
      const count = await tx.run(statement, [account.id]);
      if (count > 0) removed[table] = count;
    }
  });
  await currentSubscription(store, account);
  const total = Object.values(removed).reduce((sum, count) => sum + count, 0);
  return { total, removed };
}
