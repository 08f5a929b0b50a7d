import type { components } from '@gameball-open/server-types';
import { expiryFrom } from '../../domain/points/expiry.js';
import { activateEntry } from '../../domain/points/ledger.js';
import { lotOfEntry } from '../../domain/points/lots.js';
import { activatableEntry } from '../../domain/transactions/activatable-entry.js';
import { errors } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { withCustomer } from '../with-customer.js';

/** PUT /transactions/{transactionId}/activate: ends a pending reward's return window now; already active points activate nothing. */
export async function activateTransaction(scope: Scope, transactionId: string): Promise<components['schemas']['ActivationResult']> {
  const found = await activatableEntry(scope.store, scope.account.id, transactionId);
  if (!found) throw errors.transactionNotFound(transactionId);
  return withCustomer(scope, { customerPk: found.customer_pk }, null, async (unit) => {
    const lot = await lotOfEntry(unit.q, found.id);
    let activated = 0;
    if (lot && lot.activated_at === null) {
      activated = Number(lot.remaining);
      await activateEntry(unit, lot, unit.now, expiryFrom(scope.account.program, unit.now));
    }
    return { pointsActivated: activated, gameballTransactionId: String(found.id), clientTransactionId: transactionId };
  });
}
