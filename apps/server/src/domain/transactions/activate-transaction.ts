import type { components } from '@gameball-open/server-types';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { sql } from '../../store/sql.js';
import { expiryFrom } from '../program/program.js';
import { activateEntry } from '../points/ledger.js';
import { kindsWhere, sqlList } from '../points/entry-types.js';
import { lotOfEntry } from '../points/lots.js';
import { withCustomer } from '../points/unit-of-work.js';

const CASHBACK_ENTRY = sql(
  `SELECT id, customer_pk FROM ledger_entries WHERE account_id = ? AND kind IN ${sqlList(kindsWhere((kind) => kind.activatable))} AND transaction_id = ?`,
);

/** Ends a pending reward's return window now; already active points activate nothing. */
export async function activateTransaction(scope: Scope, transactionId: string): Promise<components['schemas']['ActivationResult']> {
  const found = await scope.store.get<{ id: number; customer_pk: number }>(CASHBACK_ENTRY, [scope.account.id, transactionId]);
  if (!found) throw errors.transactionNotFound(transactionId);
  return withCustomer(scope, { customerPk: found.customer_pk }, null, async (unit) => {
    const lot = await lotOfEntry(unit.q, found.id);
    let activated = 0;
    if (lot && lot.activated_at === null) {
      activated = Number(lot.remaining);
      await activateEntry(unit, lot, unit.now, expiryFrom(scope.account.program, unit.now));
    }
    return { pointsActivated: activated, gameballTransactionId: found.id, clientTransactionId: transactionId };
  });
}
