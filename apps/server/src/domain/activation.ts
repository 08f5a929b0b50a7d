import type { components } from '@gameball-open/server-types';
import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import { errors } from '../errors.js';
import { expiryFrom } from '../program.js';
import type { Store } from '../store/store.js';
import { lockCustomerById } from './customers.js';
import { settleCustomer } from './settle.js';

/** Ends a pending reward's return window now; already active points activate nothing. */
export async function activateTransaction(
  store: Store,
  account: Account,
  clock: Clock,
  transactionId: string,
): Promise<components['schemas']['ActivationResult']> {
  const found = await store.db
    .selectFrom('ledger_entries')
    .select(['id', 'customer_pk'])
    .where('account_id', '=', account.id)
    .where('kind', '=', 'cashback')
    .where('transaction_id', '=', transactionId)
    .executeTakeFirst();
  if (!found) throw errors.transactionNotFound(transactionId);
  return store.db.transaction().execute(async (tx) => {
    const now = clock.now().toISOString();
    const customer = await lockCustomerById(tx, store, found.customer_pk);
    const points = await settleCustomer(tx, account, customer, now);
    const entry = points.entries.find((row) => row.id === found.id)!;
    let activated = 0;
    if (entry.status === 'Pending') {
      activated = points.wallet.lots.find((lot) => lot.entryId === entry.id)?.remaining ?? 0;
      await tx
        .updateTable('ledger_entries')
        .set({ status: 'Active', activated_at: now, expiry_date: expiryFrom(account.program, now) })
        .where('id', '=', entry.id)
        .execute();
    }
    return { pointsActivated: activated, gameballTransactionId: entry.id, clientTransactionId: transactionId };
  });
}
